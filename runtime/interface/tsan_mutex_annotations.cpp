// TSan's annotations for the program's own mutexes (sanitizer/tsan_interface.h: __tsan_mutex_*):
// each annotated lock is a modelled mutex (interceptors/annotated_mutex.cpp), so it blocks,
// orders (happens-before from unlock to lock), takes part in the lock graph and in deadlock and
// misuse findings like a pthread mutex. pre_lock is the scheduling point where a thread waits in
// the model until the lock is free, so the program's lock code that follows (a spin, a CAS) finds
// it free and never spins under the scheduler; that code runs inside a mutex region (annotations.h)
// up to post_lock. Signal and divert keep the region consistent: pre/post_signal are a region
// (the lock's wake-up code), a divert leaves it for the code it calls (docs/runtime-internals.md).
#include "core/scheduler.h"
#include "interceptors/mutex_model.h"
#include "interface/annotations.h"

using namespace weft;

namespace {

// The flag values of sanitizer/tsan_interface.h.
constexpr unsigned kLinkerInit = 1u << 0;
constexpr unsigned kWriteReentrant = 1u << 1;
constexpr unsigned kReadLock = 1u << 3;
constexpr unsigned kTryLock = 1u << 4;
constexpr unsigned kTryLockFailed = 1u << 5;
constexpr unsigned kRecursiveLock = 1u << 6;
constexpr unsigned kRecursiveUnlock = 1u << 7;
constexpr unsigned kNotStatic = 1u << 8;

uint8_t kind_of(unsigned flags) {
  return (uint8_t)((flags & kWriteReentrant ? kAnnotatedReentrant : 0) |
                   (flags & kLinkerInit ? kAnnotatedStatic : 0) |
                   (flags & kNotStatic ? kAnnotatedNotStatic : 0));
}

/// A lock operation may carry the creation flags of a lock nobody created (TSan's header).
void note_creation_flags(void *m, unsigned flags) {
  if (const uint8_t kind = kind_of(flags & (kWriteReentrant | kLinkerInit)))
    model_annotated_create((uintptr_t)m, kind);
}

} // namespace

#define WEFT_PC() reinterpret_cast<uintptr_t>(__builtin_return_address(0))

WEFT_EXPORT void __tsan_mutex_create(void *addr, unsigned flags) {
  if (ThreadState *t = active_thread()) {
    RtScope scope(t, WEFT_PC());
    model_annotated_create((uintptr_t)addr, kind_of(flags));
  }
}

WEFT_EXPORT void __tsan_mutex_destroy(void *addr, unsigned flags) {
  if (ThreadState *t = active_thread()) {
    RtScope scope(t, WEFT_PC());
    model_annotated_destroy(t, (uintptr_t)addr, kind_of(flags));
  }
}

WEFT_EXPORT void __tsan_mutex_pre_lock(void *addr, unsigned flags) {
  ThreadState *t = t_thr;
  if (!t)
    return;
  if (active_thread()) {
    RtScope scope(t, WEFT_PC());
    note_creation_flags(addr, flags);
    if (flags & kTryLock)
      sched_point(t); // a try never waits: the program's code finds out
    else
      model_annotated_wait(t, (uintptr_t)addr, flags & kReadLock);
  }
  mutex_region_enter(t);
}

WEFT_EXPORT void __tsan_mutex_post_lock(void *addr, unsigned flags, int recursion) {
  ThreadState *t = t_thr;
  if (!t)
    return;
  mutex_region_exit(t);
  if (!active_thread())
    return;
  RtScope scope(t, WEFT_PC());
  note_creation_flags(addr, flags);
  if (flags & kTryLockFailed) {
    note_poll(t); // a failed trylock is polling (fair scheduling)
    return;
  }
  const uint32_t levels = (flags & kRecursiveLock) && recursion > 0 ? (uint32_t)recursion : 1;
  model_annotated_acquired(t, (uintptr_t)addr, flags & kReadLock, flags & kTryLock, levels,
                           t->op_pc);
}

WEFT_EXPORT int __tsan_mutex_pre_unlock(void *addr, unsigned flags) {
  ThreadState *t = t_thr;
  if (!t)
    return 0;
  int levels = 0;
  if (active_thread()) {
    RtScope scope(t, WEFT_PC());
    levels = (int)model_annotated_unlocking(t, (uintptr_t)addr, flags & kReadLock,
                                            flags & kRecursiveUnlock);
  }
  mutex_region_enter(t);
  return levels;
}

WEFT_EXPORT void __tsan_mutex_post_unlock(void *addr, unsigned flags) {
  ThreadState *t = t_thr;
  if (!t)
    return;
  mutex_region_exit(t);
  if (ThreadState *a = active_thread()) {
    RtScope scope(a, WEFT_PC());
    model_annotated_unlocked(a, (uintptr_t)addr, flags & kReadLock);
  }
}

// Signal: the lock's own wake-up code (a condition variable built on the lock) is a region like
// lock and unlock; the waking itself is whatever the code does (a futex wake is modelled).
WEFT_EXPORT void __tsan_mutex_pre_signal(void *, unsigned) {
  if (ThreadState *t = t_thr)
    mutex_region_enter(t);
}
WEFT_EXPORT void __tsan_mutex_post_signal(void *, unsigned) {
  if (ThreadState *t = t_thr)
    mutex_region_exit(t);
}

// Divert: the lock operation calls out to unrelated code (a contention profiler, a cooperative
// scheduler): that code is checked and scheduled as usual until the divert ends.
WEFT_EXPORT void __tsan_mutex_pre_divert(void *, unsigned) {
  if (ThreadState *t = t_thr)
    mutex_region_exit(t);
}
WEFT_EXPORT void __tsan_mutex_post_divert(void *, unsigned) {
  if (ThreadState *t = t_thr)
    mutex_region_enter(t);
}
