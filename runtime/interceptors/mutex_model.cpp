// The modelled mutex; see mutex_model.h.
#include "interceptors/mutex_model.h"
#include "core/scheduler.h"
#include "detectors/detectors.h"
#include <errno.h>
#include <pthread.h>

namespace weft {
namespace {

SyncVar *mutex_var(uintptr_t m, bool spin) {
  SyncVar *s = sync_get(m);
  if (!s->initialised) {
    s->initialised = true;
    // glibc keeps the kind (normal/recursive/errorcheck/adaptive) in __data.__kind, set by
    // pthread_mutex_init from the attribute (pthread_mutexattr_gettype) or by a static initialiser.
    s->mutex_type = spin ? 0 : (uint8_t)(reinterpret_cast<pthread_mutex_t *>(m)->__data.__kind & 3);
    if (s->mutex_type == 3) s->mutex_type = 0; // adaptive behaves as normal
  }
  return s;
}

void take(ThreadState *t, SyncVar *s) {
  s->owner = (int32_t)t->tid;
  s->rec = 1;
  sync_acquire(t, s);
}

} // namespace

void model_freed(ThreadState *t, SyncVar *s) {
  sync_release(t, s);
  lock_released(t, s->addr);
  note_progress(t);
  sched_wake_all(s->addr);
}

int model_lock(ThreadState *t, uintptr_t m, LockMode mode, bool spin, uintptr_t pc) {
  sched_point(t);
  SyncVar *s = mutex_var(m, spin);
  for (;;) {
    if (s->owner < 0) {
      take(t, s);
      lock_acquired(t, m, mode == LockMode::Try, true, pc);
      note_progress(t);
      return 0;
    }
    if (s->owner == (int32_t)t->tid) {
      if (s->mutex_type == 1) {
        ++s->rec;
        return 0;
      }
      if (s->mutex_type == 2) return EDEADLK;
      if (mode == LockMode::Try) {
        note_poll(t);
        return EBUSY;
      }
      report_misuse(t, "double-lock", m, spin ? "pthread_spin_lock" : "pthread_mutex_lock",
                    "a thread locks a non-recursive mutex it already holds (this would hang)");
    }
    if (mode == LockMode::Try) {
      note_poll(t);
      return EBUSY;
    }
    bool timed_out = sched_block(t, spin ? BlockOp::SpinLock : BlockOp::MutexLock, m, mode == LockMode::Timed);
    s = mutex_var(m, spin); // the table may have changed while blocked
    if (timed_out && s->owner >= 0) return ETIMEDOUT;
  }
}

int model_unlock(ThreadState *t, uintptr_t m, bool spin) {
  sched_point(t);
  SyncVar *s = mutex_var(m, spin);
  if (s->owner != (int32_t)t->tid) {
    if (s->mutex_type != 0) return EPERM;
    report_misuse(t, "unlock-not-held", m, spin ? "pthread_spin_unlock" : "pthread_mutex_unlock",
                  s->owner < 0 ? "a thread unlocks a mutex that is not locked"
                               : "a thread unlocks a mutex held by another thread");
  }
  if (--s->rec > 0) return 0;
  s->owner = -1;
  model_freed(t, s);
  return 0;
}

uint32_t model_release_all(ThreadState *t, SyncVar *s) {
  uint32_t rec = s->rec;
  s->rec = 0;
  s->owner = -1;
  model_freed(t, s);
  return rec;
}

void model_reacquire(ThreadState *t, uintptr_t m, uint32_t rec) {
  for (;;) {
    SyncVar *s = mutex_var(m, false);
    if (s->owner < 0) {
      take(t, s);
      s->rec = rec ? rec : 1;
      t->held.push_back(HeldLock{m, thread_stack_id_with_pc(t, t->op_pc), true});
      return;
    }
    sched_block(t, BlockOp::MutexLock, m, false);
  }
}

} // namespace weft
