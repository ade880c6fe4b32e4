// POSIX semaphores: the count lives in the model (read from the real object the first time a
// semaphore is seen); a wait with a zero count blocks; post releases, wait acquires.
#include "core/scheduler.h"
#include "core/sync.h"
#include "interceptors/interceptor.h"
#include <errno.h>
#include <semaphore.h>

namespace weft {
namespace {

SyncVar *sem_var(sem_t *s);

int model_sem_wait(ThreadState *t, sem_t *sem, int mode /*0 block 1 try 2 timed*/) {
  sched_point(t);
  for (;;) {
    SyncVar *s = sem_var(sem);
    if (s->value > 0) {
      --s->value;
      sync_acquire(t, s);
      note_progress(t);
      return 0;
    }
    if (mode == 1) {
      note_poll(t);
      errno = EAGAIN;
      return -1;
    }
    if (sched_block(t, BlockOp::SemWait, (uintptr_t)sem, mode == 2) && sem_var(sem)->value <= 0) {
      errno = ETIMEDOUT;
      return -1;
    }
  }
}

} // namespace
} // namespace weft

namespace weft {
namespace {
using getvalue_fn = int (*)(sem_t *, int *);
getvalue_fn g_real_getvalue;

SyncVar *sem_var(sem_t *sem) {
  SyncVar *s = sync_find((uintptr_t)sem);
  if (!s) {
    int v = 0;
    if (!g_real_getvalue) g_real_getvalue = reinterpret_cast<getvalue_fn>(resolve_real("sem_getvalue", nullptr));
    g_real_getvalue(sem, &v);
    s = sync_get((uintptr_t)sem);
    s->value = v;
  }
  return s;
}
} // namespace
} // namespace weft

using namespace weft;

WEFT_INTERCEPTOR(int, sem_init, sem_t *sem, int pshared, unsigned value) {
  if (ThreadState *t = active_thread()) {
    RtScope scope(t, WEFT_RET_PC());
    sync_erase((uintptr_t)sem);
    sync_get((uintptr_t)sem)->value = value;
  }
  return WEFT_REAL(sem_init)(sem, pshared, value);
}

WEFT_INTERCEPTOR(int, sem_destroy, sem_t *sem) {
  if (ThreadState *t = active_thread()) {
    RtScope scope(t, WEFT_RET_PC());
    sync_erase((uintptr_t)sem);
  }
  return WEFT_REAL(sem_destroy)(sem);
}

WEFT_INTERCEPTOR(int, sem_wait, sem_t *sem) {
  ThreadState *t = active_thread();
  if (!t) return WEFT_REAL(sem_wait)(sem);
  RtScope scope(t, WEFT_RET_PC());
  return model_sem_wait(t, sem, 0);
}

WEFT_INTERCEPTOR(int, sem_trywait, sem_t *sem) {
  ThreadState *t = active_thread();
  if (!t) return WEFT_REAL(sem_trywait)(sem);
  RtScope scope(t, WEFT_RET_PC());
  return model_sem_wait(t, sem, 1);
}

WEFT_INTERCEPTOR(int, sem_timedwait, sem_t *sem, const struct timespec *ts) {
  ThreadState *t = active_thread();
  if (!t) return WEFT_REAL(sem_timedwait)(sem, ts);
  RtScope scope(t, WEFT_RET_PC());
  return model_sem_wait(t, sem, 2);
}

WEFT_INTERCEPTOR(int, sem_clockwait, sem_t *sem, clockid_t c, const struct timespec *ts) {
  ThreadState *t = active_thread();
  if (!t) return WEFT_REAL(sem_clockwait)(sem, c, ts);
  RtScope scope(t, WEFT_RET_PC());
  return model_sem_wait(t, sem, 2);
}

WEFT_INTERCEPTOR(int, sem_post, sem_t *sem) {
  ThreadState *t = active_thread();
  if (!t) return WEFT_REAL(sem_post)(sem);
  RtScope scope(t, WEFT_RET_PC());
  sched_point(t);
  SyncVar *s = sem_var(sem);
  ++s->value;
  sync_release(t, s);
  note_progress(t);
  sched_wake_one((uintptr_t)sem);
  return 0;
}

WEFT_INTERCEPTOR(int, sem_getvalue, sem_t *sem, int *v) {
  ThreadState *t = active_thread();
  if (!t) return WEFT_REAL(sem_getvalue)(sem, v);
  RtScope scope(t, WEFT_RET_PC());
  *v = (int)sem_var(sem)->value;
  return 0;
}
