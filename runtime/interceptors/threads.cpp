// Threads: pthread_create registers the child (tids in creation order, so schedules do not depend
// on addresses or timing) and starts it in a trampoline that waits for the baton; join is a
// modelled block plus an acquire of the child's final clock; exit and detach keep the model in
// step; a call to exit() is a scheduling point.
#include "core/events.h"
#include "core/scheduler.h"
#include "detectors/detectors.h"
#include "interceptors/interceptor.h"
#include <pthread.h>

namespace weft {
namespace {

void *trampoline(void *arg) {
  ThreadState *t = static_cast<ThreadState *>(arg);
  t_thr = t;
  thread_begin(t);
  {
    RtScope scope(t);
    install_alt_stack();
    pthread_attr_t attr;
    if (pthread_getattr_np(pthread_self(), &attr) == 0) {
      void *lo;
      size_t size;
      if (pthread_attr_getstack(&attr, &lo, &size) == 0) {
        t->stack_lo = (uintptr_t)lo;
        t->stack_hi = (uintptr_t)lo + size;
      }
      pthread_attr_destroy(&attr);
    }
  }
  void *r = t->start(t->arg);
  RtScope scope(t);
  thread_finish(t);
  return r;
}

} // namespace
} // namespace weft

using namespace weft;

WEFT_INTERCEPTOR(int, pthread_create, pthread_t *th, const pthread_attr_t *attr,
                 void *(*fn)(void *), void *arg) {
  if (!g_rt.initialized)
    rt_init();
  ThreadState *t = active_thread();
  if (!t)
    return WEFT_REAL(pthread_create)(th, attr, fn, arg);
  RtScope scope(t, WEFT_RET_PC());
  sched_point(t);
  ThreadState *c = thread_create(t);
  c->start = fn;
  c->arg = arg;
  Line l;
  l.len = 0;
  l.str("thread").key("tid").dec(c->tid).key("parent").dec(t->tid).key("stack");
  append_stack(l, t, t->op_pc, program_call_site(t, t->op_pc, __builtin_frame_address(0)));
  emit(l);
  int r = WEFT_REAL(pthread_create)(th, attr, trampoline, c);
  if (r != 0) {
    // The thread never existed: take it out of the model again.
    c->status = Status::Finished;
    for (uint32_t i = 0; i < g_rt.enabled.size; ++i)
      if (g_rt.enabled[i] == c->tid)
        g_rt.enabled.erase_at(i);
    return r;
  }
  c->pthread = (uintptr_t)*th;
  sched_point(t); // the child may run first
  return 0;
}

WEFT_INTERCEPTOR(int, pthread_join, pthread_t th, void **ret) {
  ThreadState *t = active_thread();
  ThreadState *c = t ? thread_by_pthread((uintptr_t)th) : nullptr;
  if (!c)
    return WEFT_REAL(pthread_join)(th, ret);
  {
    RtScope scope(t, WEFT_RET_PC());
    sched_point(t);
    while (c->status != Status::Finished)
      sched_block(t, BlockOp::Join, (uintptr_t)c, false);
    t->vc.join(c->vc);
    c->pthread = 0; // the pthread_t may be reused by a later thread
  }
  // The child has handed the baton on; its OS thread is finishing: a short real wait.
  return WEFT_REAL(pthread_join)(th, ret);
}

WEFT_INTERCEPTOR(int, pthread_detach, pthread_t th) {
  if (ThreadState *t = active_thread()) {
    RtScope scope(t, WEFT_RET_PC());
    if (ThreadState *c = thread_by_pthread((uintptr_t)th))
      c->detached = true;
  }
  return WEFT_REAL(pthread_detach)(th);
}

WEFT_INTERCEPTOR(void, pthread_exit, void *ret) {
  if (ThreadState *t = active_thread()) {
    RtScope scope(t, WEFT_RET_PC());
    thread_finish(t);
  }
  WEFT_REAL(pthread_exit)(ret);
  __builtin_unreachable();
}

// A program's own call to exit() from any thread (main returning is seen in __tsan_func_exit):
// other runnable threads may run before the process ends (core/scheduler.h, exit_point).
WEFT_INTERCEPTOR(void, exit, int status) {
  if (ThreadState *t = active_thread())
    exit_point(t, WEFT_RET_PC());
  WEFT_REAL(exit)(status);
  __builtin_unreachable();
}
