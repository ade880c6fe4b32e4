// Futex-based primitives the runtime uses instead of anything it intercepts: the per-thread gate
// that passes the baton (no spinning: FACTS.md shows spinning is disastrous on one pinned CPU) and a
// small mutex for the few places two threads may touch runtime state (threads returning from I/O).
// Plain words with __atomic builtins (not std::atomic) so zero-initialised static storage needs no
// constructor.
#pragma once
#include "internal/syscall.h"
#include <cstdint>

namespace weft {

inline long futex_wait(uint32_t *w, uint32_t expected) {
  return sys::call6(sys::kFutex, (long)w, 128 /*FUTEX_WAIT_PRIVATE*/, expected, 0, 0, 0);
}
inline long futex_wake(uint32_t *w, int n) {
  return sys::call6(sys::kFutex, (long)w, 129 /*FUTEX_WAKE_PRIVATE*/, n, 0, 0, 0);
}

/// One thread's gate: open() lets exactly one pass() through. Word 1 = open.
struct Gate {
  uint32_t word;
  void open() {
    __atomic_store_n(&word, 1u, __ATOMIC_RELEASE);
    futex_wake(&word, 1);
  }
  void pass() {
    while (__atomic_exchange_n(&word, 0u, __ATOMIC_ACQUIRE) == 0) futex_wait(&word, 0);
  }
};

/// Drepper's three-state futex mutex ("Futexes are tricky", mutex #3). Zero-initialised = unlocked.
struct FutexMutex {
  uint32_t s;
  void lock() {
    uint32_t c = 0;
    if (__atomic_compare_exchange_n(&s, &c, 1u, false, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) return;
    if (c != 2) c = __atomic_exchange_n(&s, 2u, __ATOMIC_ACQUIRE);
    while (c != 0) {
      futex_wait(&s, 2);
      c = __atomic_exchange_n(&s, 2u, __ATOMIC_ACQUIRE);
    }
  }
  void unlock() {
    if (__atomic_exchange_n(&s, 0u, __ATOMIC_RELEASE) != 1) futex_wake(&s, 1);
  }
};

} // namespace weft
