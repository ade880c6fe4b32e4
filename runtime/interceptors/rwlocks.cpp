// Reader-writer locks: any number of readers or one writer; a thread that would block is not enabled.
// Read unlocks release into the lock's clock so a later writer is ordered after every reader.
#include "core/scheduler.h"
#include "core/sync.h"
#include "detectors/detectors.h"
#include "interceptors/interceptor.h"
#include <errno.h>
#include <pthread.h>

namespace weft {
namespace {

int rdlock(ThreadState *t, uintptr_t l, int mode /*0 block 1 try 2 timed*/) {
  sched_point(t);
  for (;;) {
    SyncVar *s = sync_get(l);
    if (s->owner < 0) {
      ++s->readers;
      sync_acquire(t, s);
      lock_acquired(t, l, mode == 1, false, t->op_pc);
      note_progress(t);
      return 0;
    }
    if (s->owner == (int32_t)t->tid) return EDEADLK;
    if (mode == 1) {
      note_poll(t);
      return EBUSY;
    }
    if (sched_block(t, BlockOp::RwRead, l, mode == 2) && sync_get(l)->owner >= 0) return ETIMEDOUT;
  }
}

int wrlock(ThreadState *t, uintptr_t l, int mode) {
  sched_point(t);
  for (;;) {
    SyncVar *s = sync_get(l);
    if (s->owner < 0 && s->readers == 0) {
      s->owner = (int32_t)t->tid;
      sync_acquire(t, s);
      lock_acquired(t, l, mode == 1, true, t->op_pc);
      note_progress(t);
      return 0;
    }
    if (s->owner == (int32_t)t->tid) return EDEADLK;
    if (mode == 1) {
      note_poll(t);
      return EBUSY;
    }
    if (sched_block(t, BlockOp::RwWrite, l, mode == 2)) {
      s = sync_get(l);
      if (s->owner >= 0 || s->readers) return ETIMEDOUT;
    }
  }
}

int unlock(ThreadState *t, uintptr_t l) {
  sched_point(t);
  SyncVar *s = sync_get(l);
  if (s->owner == (int32_t)t->tid) {
    s->owner = -1;
  } else if (s->readers > 0) {
    --s->readers;
  } else {
    report_misuse(t, "unlock-not-held", l, "pthread_rwlock_unlock", "a thread unlocks an rwlock it does not hold");
  }
  sync_release(t, s);
  lock_released(t, l);
  note_progress(t);
  sched_wake_all(l);
  return 0;
}

} // namespace
} // namespace weft

using namespace weft;

#define WEFT_RW(name, call, ...)                                                                  \
  ThreadState *t = active_thread();                                                               \
  if (!t) return WEFT_REAL(name)(__VA_ARGS__);                                                    \
  RtScope scope(t, WEFT_RET_PC());                                                                \
  return call;

WEFT_INTERCEPTOR(int, pthread_rwlock_rdlock, pthread_rwlock_t *l) { WEFT_RW(pthread_rwlock_rdlock, rdlock(t, (uintptr_t)l, 0), l) }
WEFT_INTERCEPTOR(int, pthread_rwlock_tryrdlock, pthread_rwlock_t *l) { WEFT_RW(pthread_rwlock_tryrdlock, rdlock(t, (uintptr_t)l, 1), l) }
WEFT_INTERCEPTOR(int, pthread_rwlock_timedrdlock, pthread_rwlock_t *l, const struct timespec *ts) {
  WEFT_RW(pthread_rwlock_timedrdlock, rdlock(t, (uintptr_t)l, 2), l, ts)
}
WEFT_INTERCEPTOR(int, pthread_rwlock_clockrdlock, pthread_rwlock_t *l, clockid_t c, const struct timespec *ts) {
  WEFT_RW(pthread_rwlock_clockrdlock, rdlock(t, (uintptr_t)l, 2), l, c, ts)
}
WEFT_INTERCEPTOR(int, pthread_rwlock_wrlock, pthread_rwlock_t *l) { WEFT_RW(pthread_rwlock_wrlock, wrlock(t, (uintptr_t)l, 0), l) }
WEFT_INTERCEPTOR(int, pthread_rwlock_trywrlock, pthread_rwlock_t *l) { WEFT_RW(pthread_rwlock_trywrlock, wrlock(t, (uintptr_t)l, 1), l) }
WEFT_INTERCEPTOR(int, pthread_rwlock_timedwrlock, pthread_rwlock_t *l, const struct timespec *ts) {
  WEFT_RW(pthread_rwlock_timedwrlock, wrlock(t, (uintptr_t)l, 2), l, ts)
}
WEFT_INTERCEPTOR(int, pthread_rwlock_clockwrlock, pthread_rwlock_t *l, clockid_t c, const struct timespec *ts) {
  WEFT_RW(pthread_rwlock_clockwrlock, wrlock(t, (uintptr_t)l, 2), l, c, ts)
}
WEFT_INTERCEPTOR(int, pthread_rwlock_unlock, pthread_rwlock_t *l) { WEFT_RW(pthread_rwlock_unlock, unlock(t, (uintptr_t)l), l) }
WEFT_INTERCEPTOR(int, pthread_rwlock_destroy, pthread_rwlock_t *l) {
  if (ThreadState *t = active_thread()) {
    RtScope scope(t, WEFT_RET_PC());
    sync_erase((uintptr_t)l);
  }
  return WEFT_REAL(pthread_rwlock_destroy)(l);
}
