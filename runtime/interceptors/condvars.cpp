// Condition variables, modelled as unlock + wait + relock (glibc re-takes the mutex internally, not
// through pthread_mutex_lock, so nothing else would see it). Signal wakes the longest waiter, FIFO;
// a wait that is never signalled stays blocked, so a lost wake-up becomes a `deadlock` report. Timed
// waits may time out as an explored value choice (`!1`), and also time out when nothing else can run;
// with WEFT_SPURIOUS_WAKEUPS=1 every wait may also return spuriously (`!1`).
// Versions: the pthread_cond_* the program binds to are GLIBC_2.3.2 (dlvsym for the real ones).
#include "core/scheduler.h"
#include "detectors/detectors.h"
#include "interceptors/interceptor.h"
#include "interceptors/mutex_model.h"
#include <errno.h>
#include <pthread.h>

namespace weft {
namespace {

int model_wait(ThreadState *t, pthread_cond_t *c, pthread_mutex_t *m, bool timed) {
  sched_point(t);
  SyncVar *ms = sync_find((uintptr_t)m);
  if (!ms || ms->owner != (int32_t)t->tid)
    report_misuse(t, "unlock-not-held", (uintptr_t)m, "pthread_cond_wait",
                  "pthread_cond_wait is called without holding the mutex");
  if ((timed || g_rt.spurious_wakeups) && sched_value(t, 2) == 1) {
    // Time out at once, or (WEFT_SPURIOUS_WAKEUPS=1) wake up spuriously: the mutex is released and
    // re-taken, so another thread may run in between.
    uint32_t rec = model_release_all(t, ms);
    sched_point(t);
    model_reacquire(t, (uintptr_t)m, rec);
    return timed ? ETIMEDOUT : 0;
  }
  uint32_t rec = model_release_all(t, ms);
  bool timed_out = sched_block(t, BlockOp::CondWait, (uintptr_t)c, timed);
  if (!timed_out) sync_acquire(t, sync_get((uintptr_t)c));
  model_reacquire(t, (uintptr_t)m, rec);
  return timed_out ? ETIMEDOUT : 0;
}

void model_signal(ThreadState *t, pthread_cond_t *c, bool all) {
  sched_point(t);
  SyncVar *s = sync_get((uintptr_t)c);
  sync_release(t, s);
  note_progress(t);
  if (all)
    sched_wake_all((uintptr_t)c);
  else
    sched_wake_one((uintptr_t)c);
}

} // namespace
} // namespace weft

using namespace weft;

WEFT_INTERCEPTOR_VERSIONED(int, pthread_cond_init, "GLIBC_2.3.2", pthread_cond_t *c, const pthread_condattr_t *a) {
  if (ThreadState *t = active_thread()) {
    RtScope scope(t, WEFT_RET_PC());
    sync_erase((uintptr_t)c);
  }
  return WEFT_REAL(pthread_cond_init)(c, a);
}

WEFT_INTERCEPTOR_VERSIONED(int, pthread_cond_destroy, "GLIBC_2.3.2", pthread_cond_t *c) {
  if (ThreadState *t = active_thread()) {
    RtScope scope(t, WEFT_RET_PC());
    sync_erase((uintptr_t)c);
  }
  return WEFT_REAL(pthread_cond_destroy)(c);
}

WEFT_INTERCEPTOR_VERSIONED(int, pthread_cond_wait, "GLIBC_2.3.2", pthread_cond_t *c, pthread_mutex_t *m) {
  ThreadState *t = active_thread();
  if (!t) return WEFT_REAL(pthread_cond_wait)(c, m);
  RtScope scope(t, WEFT_RET_PC());
  return model_wait(t, c, m, false);
}

WEFT_INTERCEPTOR_VERSIONED(int, pthread_cond_timedwait, "GLIBC_2.3.2", pthread_cond_t *c, pthread_mutex_t *m,
                           const struct timespec *ts) {
  ThreadState *t = active_thread();
  if (!t) return WEFT_REAL(pthread_cond_timedwait)(c, m, ts);
  RtScope scope(t, WEFT_RET_PC());
  return model_wait(t, c, m, true);
}

WEFT_INTERCEPTOR(int, pthread_cond_clockwait, pthread_cond_t *c, pthread_mutex_t *m, clockid_t clk,
                 const struct timespec *ts) {
  ThreadState *t = active_thread();
  if (!t) return WEFT_REAL(pthread_cond_clockwait)(c, m, clk, ts);
  RtScope scope(t, WEFT_RET_PC());
  return model_wait(t, c, m, true);
}

WEFT_INTERCEPTOR_VERSIONED(int, pthread_cond_signal, "GLIBC_2.3.2", pthread_cond_t *c) {
  ThreadState *t = active_thread();
  if (!t) return WEFT_REAL(pthread_cond_signal)(c);
  RtScope scope(t, WEFT_RET_PC());
  model_signal(t, c, false);
  return 0;
}

WEFT_INTERCEPTOR_VERSIONED(int, pthread_cond_broadcast, "GLIBC_2.3.2", pthread_cond_t *c) {
  ThreadState *t = active_thread();
  if (!t) return WEFT_REAL(pthread_cond_broadcast)(c);
  RtScope scope(t, WEFT_RET_PC());
  model_signal(t, c, true);
  return 0;
}
