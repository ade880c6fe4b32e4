// The atomic part of the __tsan_* ABI: every atomic operation is a scheduling point, performs the
// real operation (seq_cst: the scheduler serialises threads, so this is the strongest order and
// exactly one interleaving of the program's own orders), updates happens-before on the address's
// sync clock (release stores/RMWs release, acquire loads/RMWs acquire; relaxed does not
// synchronise) and feeds the race detector as an atomic access. Failed CAS, RMWs that change
// nothing and loads that return what the thread's last load of the address returned count as
// polling (fair scheduling, core/fairness.h).
#include "core/scheduler.h"
#include "core/sync.h"
#include "detectors/access.h"

using namespace weft;

namespace {

using a128 = __int128;

inline int order(int mo) { return (mo & 0xff) > 5 ? 5 : (mo & 0xff); }
inline bool acquires(int mo) {
  mo = order(mo);
  return mo == 1 || mo == 2 || mo == 4 || mo == 5;
}
inline bool releases(int mo) {
  mo = order(mo);
  return mo == 3 || mo == 4 || mo == 5;
}

/// Atomics inside one annotated lock operation before they count as ordinary ones again: a lock
/// the annotations describe wrongly (taken behind the model's back) then spins fairly.
constexpr uint32_t kRegionAtomics = 1u << 12;

/// The atomic is part of an annotated lock's own code (__tsan_mutex_pre_*..post_*): the
/// annotation is the synchronisation, so the atomic is no scheduling point, does not synchronise
/// and is not race-checked. pre_lock has already waited in the model until the lock is free, so
/// the lock's code runs to post_lock without a switch and its real state never disagrees with the
/// model's.
inline bool in_mutex_region(ThreadState *t) {
  return t->mutex_region && ++t->region_atomics <= kRegionAtomics;
}

/// Pre-hook: the scheduling point; returns the thread if under control and the atomic is not part
/// of an annotated lock's code (then the operation is performed and nothing else).
inline ThreadState *pre(uintptr_t pc) {
  ThreadState *t = active_thread();
  if (!t || in_mutex_region(t))
    return nullptr;
  RtScope scope(t, pc);
  sched_point(t);
  return t;
}

/// `changed`: the operation changed the value (progress); otherwise it only polled. `reads`: it
/// read the value (load, RMW, CAS), so a later acquire fence acquires what the value was released
/// with. A relaxed write after a release fence releases the fence's clock (C++ [atomics.fences]).
inline void post(ThreadState *t, const volatile void *a, size_t size, bool write, bool reads,
                 int mo, uintptr_t pc, bool changed) {
  RtScope scope(t, pc);
  if (changed)
    note_progress(t);
  else if (!write && reads)
    note_load(t, a, size); // a poll only if it returns what this thread's last load of a did
  else
    note_poll(t);
  if (acquires(mo)) {
    if (SyncVar *s = sync_find((uintptr_t)a))
      sync_acquire(t, s);
  } else if (reads) {
    if (SyncVar *s = sync_find((uintptr_t)a))
      t->fence_pending.join(s->clock);
  }
  if (write && releases(mo))
    sync_release(t, sync_get((uintptr_t)a));
  else if (write && t->fence_release_active)
    sync_get((uintptr_t)a)->clock.join(t->fence_released);
  if (!ignores(t, write))
    on_fast_access<true>(t, (uintptr_t)a, size, write, pc);
}

// 128-bit operations without libatomic: a cmpxchg16b loop (-mcx16).
inline a128 load128(const volatile a128 *a) {
  return __sync_val_compare_and_swap(const_cast<volatile a128 *>(a), (a128)0, (a128)0);
}
template <class F> inline a128 rmw128(volatile a128 *a, F f) {
  a128 old = load128(a);
  for (;;) {
    a128 seen = __sync_val_compare_and_swap(a, old, f(old));
    if (seen == old)
      return old;
    old = seen;
  }
}

template <class T> inline T do_load(const volatile T *a) {
  if constexpr (sizeof(T) == 16)
    return load128(a);
  else
    return __atomic_load_n(a, __ATOMIC_SEQ_CST);
}
template <class T> inline void do_store(volatile T *a, T v) {
  if constexpr (sizeof(T) == 16)
    rmw128(a, [v](a128) { return v; });
  else
    __atomic_store_n(a, v, __ATOMIC_SEQ_CST);
}
enum Op { Xchg, Add, Sub, And, Or, Xor, Nand };
template <class T> inline T do_rmw(volatile T *a, T v, Op op) {
  if constexpr (sizeof(T) == 16) {
    return rmw128(a, [v, op](a128 o) -> a128 {
      switch (op) {
      case Xchg:
        return v;
      case Add:
        return o + v;
      case Sub:
        return o - v;
      case And:
        return o & v;
      case Or:
        return o | v;
      case Xor:
        return o ^ v;
      case Nand:
        return ~(o & v);
      }
      return v;
    });
  } else {
    switch (op) {
    case Xchg:
      return __atomic_exchange_n(a, v, __ATOMIC_SEQ_CST);
    case Add:
      return __atomic_fetch_add(a, v, __ATOMIC_SEQ_CST);
    case Sub:
      return __atomic_fetch_sub(a, v, __ATOMIC_SEQ_CST);
    case And:
      return __atomic_fetch_and(a, v, __ATOMIC_SEQ_CST);
    case Or:
      return __atomic_fetch_or(a, v, __ATOMIC_SEQ_CST);
    case Xor:
      return __atomic_fetch_xor(a, v, __ATOMIC_SEQ_CST);
    case Nand:
      return __atomic_fetch_nand(a, v, __ATOMIC_SEQ_CST);
    }
    return v;
  }
}
template <class T> inline bool do_cas(volatile T *a, T *c, T v) {
  if constexpr (sizeof(T) == 16) {
    a128 seen = __sync_val_compare_and_swap(a, *c, v);
    if (seen == *c)
      return true;
    *c = seen;
    return false;
  } else {
    return __atomic_compare_exchange_n(a, c, v, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
  }
}

template <class T> T load(const volatile T *a, int mo, uintptr_t pc) {
  ThreadState *t = pre(pc);
  T v = do_load(a);
  if (t)
    post(t, a, sizeof(T), false, true, mo, pc, false);
  return v;
}
template <class T> void store(volatile T *a, T v, int mo, uintptr_t pc) {
  ThreadState *t = pre(pc);
  do_store(a, v);
  if (t)
    post(t, a, sizeof(T), true, false, mo, pc, true);
}
template <class T> T apply(Op op, T o, T v) {
  switch (op) {
  case Xchg:
    return v;
  case Add:
    return (T)(o + v);
  case Sub:
    return (T)(o - v);
  case And:
    return (T)(o & v);
  case Or:
    return (T)(o | v);
  case Xor:
    return (T)(o ^ v);
  case Nand:
    return (T) ~(o & v);
  }
  return v;
}

template <class T> T rmw(volatile T *a, T v, int mo, Op op, uintptr_t pc) {
  ThreadState *t = pre(pc);
  if (t) {
    // acquire before the write so the RMW reads-from the previous release
    RtScope scope(t, pc);
    if (acquires(mo))
      if (SyncVar *s = sync_find((uintptr_t)a))
        sync_acquire(t, s);
  }
  T old = do_rmw(a, v, op);
  // An RMW that left the value as it was (test_and_set of a set flag, exchange with the same value)
  // is polling, not progress: spin locks built on it must give way (fair scheduling).
  if (t)
    post(t, a, sizeof(T), true, true, mo, pc, apply(op, old, v) != old);
  return old;
}
template <class T> bool cas(volatile T *a, T *c, T v, int mo, int fmo, uintptr_t pc) {
  ThreadState *t = pre(pc);
  bool ok = do_cas(a, c, v);
  if (t)
    post(t, a, sizeof(T), ok, true, ok ? mo : fmo, pc, ok);
  return ok;
}

} // namespace

#define WEFT_PC() reinterpret_cast<uintptr_t>(__builtin_return_address(0))

#define WEFT_ATOMIC_HOOKS(bits, T)                                                                 \
  WEFT_EXPORT T __tsan_atomic##bits##_load(const volatile T *a, int mo) {                          \
    return load(a, mo, WEFT_PC());                                                                 \
  }                                                                                                \
  WEFT_EXPORT void __tsan_atomic##bits##_store(volatile T *a, T v, int mo) {                       \
    store(a, v, mo, WEFT_PC());                                                                    \
  }                                                                                                \
  WEFT_EXPORT T __tsan_atomic##bits##_exchange(volatile T *a, T v, int mo) {                       \
    return rmw(a, v, mo, Xchg, WEFT_PC());                                                         \
  }                                                                                                \
  WEFT_EXPORT T __tsan_atomic##bits##_fetch_add(volatile T *a, T v, int mo) {                      \
    return rmw(a, v, mo, Add, WEFT_PC());                                                          \
  }                                                                                                \
  WEFT_EXPORT T __tsan_atomic##bits##_fetch_sub(volatile T *a, T v, int mo) {                      \
    return rmw(a, v, mo, Sub, WEFT_PC());                                                          \
  }                                                                                                \
  WEFT_EXPORT T __tsan_atomic##bits##_fetch_and(volatile T *a, T v, int mo) {                      \
    return rmw(a, v, mo, And, WEFT_PC());                                                          \
  }                                                                                                \
  WEFT_EXPORT T __tsan_atomic##bits##_fetch_or(volatile T *a, T v, int mo) {                       \
    return rmw(a, v, mo, Or, WEFT_PC());                                                           \
  }                                                                                                \
  WEFT_EXPORT T __tsan_atomic##bits##_fetch_xor(volatile T *a, T v, int mo) {                      \
    return rmw(a, v, mo, Xor, WEFT_PC());                                                          \
  }                                                                                                \
  WEFT_EXPORT T __tsan_atomic##bits##_fetch_nand(volatile T *a, T v, int mo) {                     \
    return rmw(a, v, mo, Nand, WEFT_PC());                                                         \
  }                                                                                                \
  WEFT_EXPORT int __tsan_atomic##bits##_compare_exchange_strong(volatile T *a, T *c, T v, int mo,  \
                                                                int fmo) {                         \
    return cas(a, c, v, mo, fmo, WEFT_PC());                                                       \
  }                                                                                                \
  WEFT_EXPORT int __tsan_atomic##bits##_compare_exchange_weak(volatile T *a, T *c, T v, int mo,    \
                                                              int fmo) {                           \
    return cas(a, c, v, mo, fmo, WEFT_PC());                                                       \
  }                                                                                                \
  WEFT_EXPORT T __tsan_atomic##bits##_compare_exchange_val(volatile T *a, T c, T v, int mo,        \
                                                           int fmo) {                              \
    cas(a, &c, v, mo, fmo, WEFT_PC());                                                             \
    return c;                                                                                      \
  }

WEFT_ATOMIC_HOOKS(8, unsigned char)
WEFT_ATOMIC_HOOKS(16, unsigned short)
WEFT_ATOMIC_HOOKS(32, unsigned int)
WEFT_ATOMIC_HOOKS(64, unsigned long long)
WEFT_ATOMIC_HOOKS(128, a128)

// A fence is a scheduling point. An acquire fence acquires what the thread's earlier relaxed reads
// read; a release fence makes the thread's later relaxed writes release its clock as of the fence.
// (g++ warns that ThreadSanitizer does not support atomic_thread_fence, but calls this hook.)
WEFT_EXPORT void __tsan_atomic_thread_fence(int mo) {
  if (ThreadState *t = active_thread(); t && !in_mutex_region(t)) {
    RtScope scope(t, WEFT_PC());
    sched_point(t);
    if (acquires(mo))
      t->vc.join(t->fence_pending);
    if (releases(mo)) {
      t->fence_released.join(t->vc); // the clock only grows: joining is copying
      t->fence_release_active = true;
      advance_epoch(t);
    }
  }
}
WEFT_EXPORT void __tsan_atomic_signal_fence(int) {}
