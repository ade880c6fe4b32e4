// pthread spinlocks: the same model as a normal mutex. Spinning is never real: a thread that would
// spin is simply not enabled until the lock is released.
#include "interceptors/interceptor.h"
#include "interceptors/mutex_model.h"
#include <pthread.h>

using namespace weft;

WEFT_INTERCEPTOR(int, pthread_spin_init, pthread_spinlock_t *l, int pshared) {
  if (ThreadState *t = active_thread()) {
    RtScope scope(t, WEFT_RET_PC());
    sync_erase((uintptr_t)l);
  }
  return WEFT_REAL(pthread_spin_init)(l, pshared);
}

WEFT_INTERCEPTOR(int, pthread_spin_lock, pthread_spinlock_t *l) {
  ThreadState *t = active_thread();
  if (!t) return WEFT_REAL(pthread_spin_lock)(l);
  RtScope scope(t, WEFT_RET_PC());
  return model_lock(t, (uintptr_t)l, LockMode::Block, true, t->op_pc);
}

WEFT_INTERCEPTOR(int, pthread_spin_trylock, pthread_spinlock_t *l) {
  ThreadState *t = active_thread();
  if (!t) return WEFT_REAL(pthread_spin_trylock)(l);
  RtScope scope(t, WEFT_RET_PC());
  return model_lock(t, (uintptr_t)l, LockMode::Try, true, t->op_pc);
}

WEFT_INTERCEPTOR(int, pthread_spin_unlock, pthread_spinlock_t *l) {
  ThreadState *t = active_thread();
  if (!t) return WEFT_REAL(pthread_spin_unlock)(l);
  RtScope scope(t, WEFT_RET_PC());
  return model_unlock(t, (uintptr_t)l, true);
}
