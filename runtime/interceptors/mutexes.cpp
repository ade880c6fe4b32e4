// pthread mutexes (normal, recursive, errorcheck): modelled by mutex_model; init/destroy keep the
// real object valid too, for code that runs outside the controlled run.
#include "core/scheduler.h"
#include "detectors/detectors.h"
#include "interceptors/interceptor.h"
#include "interceptors/mutex_model.h"
#include <errno.h>
#include <pthread.h>

using namespace weft;

WEFT_INTERCEPTOR(int, pthread_mutex_init, pthread_mutex_t *m, const pthread_mutexattr_t *a) {
  int r = WEFT_REAL(pthread_mutex_init)(m, a);
  if (ThreadState *t = active_thread()) {
    RtScope scope(t, WEFT_RET_PC());
    sync_erase((uintptr_t)m); // a fresh mutex: type re-read from the object on first use
  }
  return r;
}

WEFT_INTERCEPTOR(int, pthread_mutex_destroy, pthread_mutex_t *m) {
  if (ThreadState *t = active_thread()) {
    RtScope scope(t, WEFT_RET_PC());
    SyncVar *s = sync_find((uintptr_t)m);
    if (s && s->owner >= 0)
      report_misuse(t, "destroy-while-held", (uintptr_t)m, "pthread_mutex_destroy",
                    "a mutex is destroyed while it is held");
    sync_erase((uintptr_t)m);
  }
  return WEFT_REAL(pthread_mutex_destroy)(m);
}

WEFT_INTERCEPTOR(int, pthread_mutex_lock, pthread_mutex_t *m) {
  ThreadState *t = active_thread();
  if (!t) return WEFT_REAL(pthread_mutex_lock)(m);
  RtScope scope(t, WEFT_RET_PC());
  return model_lock(t, (uintptr_t)m, LockMode::Block, false, t->op_pc);
}

WEFT_INTERCEPTOR(int, pthread_mutex_trylock, pthread_mutex_t *m) {
  ThreadState *t = active_thread();
  if (!t) return WEFT_REAL(pthread_mutex_trylock)(m);
  RtScope scope(t, WEFT_RET_PC());
  return model_lock(t, (uintptr_t)m, LockMode::Try, false, t->op_pc);
}

WEFT_INTERCEPTOR(int, pthread_mutex_timedlock, pthread_mutex_t *m, const struct timespec *ts) {
  ThreadState *t = active_thread();
  if (!t) return WEFT_REAL(pthread_mutex_timedlock)(m, ts);
  RtScope scope(t, WEFT_RET_PC());
  return model_lock(t, (uintptr_t)m, LockMode::Timed, false, t->op_pc);
}

WEFT_INTERCEPTOR(int, pthread_mutex_clocklock, pthread_mutex_t *m, clockid_t c, const struct timespec *ts) {
  ThreadState *t = active_thread();
  if (!t) return WEFT_REAL(pthread_mutex_clocklock)(m, c, ts);
  RtScope scope(t, WEFT_RET_PC());
  return model_lock(t, (uintptr_t)m, LockMode::Timed, false, t->op_pc);
}

WEFT_INTERCEPTOR(int, pthread_mutex_unlock, pthread_mutex_t *m) {
  ThreadState *t = active_thread();
  if (!t) return WEFT_REAL(pthread_mutex_unlock)(m);
  RtScope scope(t, WEFT_RET_PC());
  return model_unlock(t, (uintptr_t)m, false);
}
