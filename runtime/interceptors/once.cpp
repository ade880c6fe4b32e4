// pthread_once (and so std::call_once): the first caller runs the routine, later callers block until
// it is done and then acquire its clock, so nothing the routine wrote races with them.
#include "core/scheduler.h"
#include "core/sync.h"
#include "interceptors/interceptor.h"
#include <pthread.h>

using namespace weft;

WEFT_INTERCEPTOR(int, pthread_once, pthread_once_t *o, void (*fn)(void)) {
  ThreadState *t = active_thread();
  if (!t) return WEFT_REAL(pthread_once)(o, fn);
  RtScope scope(t, WEFT_RET_PC());
  sched_point(t);
  for (;;) {
    SyncVar *s = sync_get((uintptr_t)o);
    if (s->once_state == 0 && *o != PTHREAD_ONCE_INIT) s->once_state = 2; // done before the run
    if (s->once_state == 2) {
      sync_acquire(t, s);
      return 0;
    }
    if (s->once_state == 1) {
      sched_block(t, BlockOp::Once, (uintptr_t)o, false);
      continue;
    }
    s->once_state = 1;
    --t->in_rt; // the routine is program code
    fn();
    ++t->in_rt;
    s = sync_get((uintptr_t)o);
    s->once_state = 2;
    sync_release(t, s);
    note_progress(t);
    sched_wake_all((uintptr_t)o);
    return 0;
  }
}
