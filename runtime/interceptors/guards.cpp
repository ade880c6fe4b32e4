// __cxa_guard_acquire/release/abort: the guards of function-local statics. libstdc++ implements them
// with its own (uninstrumented) atomics and futex calls, so the runtime models them like
// pthread_once: the first thread initialises, the others block until it is done, and the release
// publishes the initialisation (happens-before to the inline acquire-load of the guard byte that the
// compiler emits on the fast path, and to every later acquire).
#include "core/scheduler.h"
#include "core/sync.h"
#include "interceptors/interceptor.h"

using namespace weft;

WEFT_INTERCEPTOR(int, __cxa_guard_acquire, uint64_t *g) {
  ThreadState *t = active_thread();
  if (!t) return WEFT_REAL(__cxa_guard_acquire)(g);
  RtScope scope(t, WEFT_RET_PC());
  sched_point(t);
  for (;;) {
    SyncVar *s = sync_get((uintptr_t)g);
    if (__atomic_load_n(reinterpret_cast<uint8_t *>(g), __ATOMIC_ACQUIRE) != 0) {
      sync_acquire(t, s);
      return 0;
    }
    if (s->once_state == 1) {
      sched_block(t, BlockOp::Once, (uintptr_t)g, false);
      continue;
    }
    s->once_state = 1;
    return 1;
  }
}

WEFT_INTERCEPTOR(void, __cxa_guard_release, uint64_t *g) {
  ThreadState *t = active_thread();
  if (!t) return WEFT_REAL(__cxa_guard_release)(g);
  RtScope scope(t, WEFT_RET_PC());
  SyncVar *s = sync_get((uintptr_t)g);
  s->once_state = 2;
  sync_release(t, s);
  __atomic_store_n(reinterpret_cast<uint8_t *>(g), (uint8_t)1, __ATOMIC_RELEASE);
  note_progress(t);
  sched_wake_all((uintptr_t)g);
}

WEFT_INTERCEPTOR(void, __cxa_guard_abort, uint64_t *g) {
  ThreadState *t = active_thread();
  if (!t) return WEFT_REAL(__cxa_guard_abort)(g);
  RtScope scope(t, WEFT_RET_PC());
  sync_get((uintptr_t)g)->once_state = 0;
  note_progress(t);
  sched_wake_all((uintptr_t)g);
}
