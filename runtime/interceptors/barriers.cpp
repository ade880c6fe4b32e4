// pthread barriers: the last of `count` arrivals releases the others; every waiter acquires what all
// of them did before the barrier.
#include "core/scheduler.h"
#include "core/sync.h"
#include "interceptors/interceptor.h"
#include <pthread.h>

using namespace weft;

WEFT_INTERCEPTOR(int, pthread_barrier_init, pthread_barrier_t *b, const pthread_barrierattr_t *a, unsigned count) {
  if (ThreadState *t = active_thread()) {
    RtScope scope(t, WEFT_RET_PC());
    sync_erase((uintptr_t)b);
    SyncVar *s = sync_get((uintptr_t)b);
    s->count = count;
  }
  return WEFT_REAL(pthread_barrier_init)(b, a, count);
}

WEFT_INTERCEPTOR(int, pthread_barrier_destroy, pthread_barrier_t *b) {
  if (ThreadState *t = active_thread()) {
    RtScope scope(t, WEFT_RET_PC());
    sync_erase((uintptr_t)b);
  }
  return WEFT_REAL(pthread_barrier_destroy)(b);
}

WEFT_INTERCEPTOR(int, pthread_barrier_wait, pthread_barrier_t *b) {
  ThreadState *t = active_thread();
  if (!t) return WEFT_REAL(pthread_barrier_wait)(b);
  RtScope scope(t, WEFT_RET_PC());
  sched_point(t);
  SyncVar *s = sync_get((uintptr_t)b);
  s->clock.join(t->vc);
  advance_epoch(t);
  note_progress(t);
  if (++s->arrived >= s->count) {
    s->arrived = 0;
    ++s->generation;
    sync_acquire(t, s);
    sched_wake_all((uintptr_t)b);
    return PTHREAD_BARRIER_SERIAL_THREAD;
  }
  uint32_t gen = s->generation;
  while (sync_get((uintptr_t)b)->generation == gen) sched_block(t, BlockOp::Barrier, (uintptr_t)b, false);
  sync_acquire(t, sync_get((uintptr_t)b));
  return 0;
}
