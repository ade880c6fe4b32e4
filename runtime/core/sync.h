// Per-address state of synchronisation objects (mutexes, rwlocks, condvars, semaphores, barriers,
// once controls, futex words, atomics): the model the interceptors run instead of the real object,
// and the sync clock that carries happens-before from a release to the next acquire.
#pragma once
#include "core/rt.h"

namespace weft {

struct SyncVar {
  uintptr_t addr;
  VectorClock clock;
  int32_t owner;       ///< tid holding a mutex/spinlock/write lock, -1 when free
  uint32_t rec;        ///< recursion depth of a recursive mutex
  uint8_t mutex_type;  ///< 0 normal, 1 recursive, 2 errorcheck (glibc's kinds)
  bool initialised;
  uint8_t annotated_flags; ///< creation flags of an annotated mutex (__tsan_mutex_create)
  uint8_t once_state;  ///< 0 not run, 1 running, 2 done
  uint32_t readers;    ///< rwlock read holders
  int64_t value;       ///< semaphore count
  uint32_t count, arrived, generation; ///< barrier
};

SyncVar *sync_find(uintptr_t addr);
SyncVar *sync_get(uintptr_t addr); ///< creates a fresh one (owner -1) if absent
void sync_erase(uintptr_t addr);
void sync_erase_range(uintptr_t lo, uintptr_t hi);

/// Release: the object's clock learns everything the thread did; the thread starts a new epoch.
inline void sync_release(ThreadState *t, SyncVar *s) {
  s->clock.join(t->vc);
  advance_epoch(t);
}
/// Acquire: the thread learns everything released into the object.
inline void sync_acquire(ThreadState *t, SyncVar *s) { t->vc.join(s->clock); }

} // namespace weft
