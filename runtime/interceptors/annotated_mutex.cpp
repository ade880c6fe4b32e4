// The modelled mutex for locks the program implements itself and describes with TSan's
// annotations (see mutex_model.h). The lock word is the program's, so the model keeps its own
// state in the SyncVar of the lock's address: `owner` (the writer, -1 when none) and `rec` (its
// levels), `readers`. A writer's pre_lock takes the model lock with rec == 0 (reserved) and its
// post_lock adds the levels; a reader's pre_lock counts it at once and remembers that it did
// (ThreadState::pending_lock), so post_lock does not count it again.
#include "core/scheduler.h"
#include "detectors/detectors.h"
#include "interceptors/mutex_model.h"

namespace weft {
namespace {

SyncVar *annotated_var(uintptr_t m) {
  SyncVar *s = sync_get(m);
  s->initialised = true; // never read a pthread kind from the program's own lock word
  return s;
}

bool holds_read(const ThreadState *t, uintptr_t m) {
  for (uint32_t i = 0; i < t->held.size; ++i)
    if (t->held[i].addr == m && !t->held[i].write)
      return true;
  return false;
}

/// A reader's pre_lock counted it; false when the table is full (post_lock counts it then).
bool remember_pending(ThreadState *t, uintptr_t m) {
  constexpr uint32_t cap = sizeof t->pending_lock / sizeof t->pending_lock[0];
  if (t->pending_count == cap)
    return false;
  t->pending_lock[t->pending_count++] = m;
  return true;
}

bool take_pending(ThreadState *t, uintptr_t m) {
  for (uint32_t i = t->pending_count; i-- > 0;)
    if (t->pending_lock[i] == m) {
      t->pending_lock[i] = t->pending_lock[--t->pending_count];
      return true;
    }
  return false;
}

} // namespace

void model_annotated_create(uintptr_t m, uint8_t kind) {
  annotated_var(m)->annotated_flags |= kind;
}

void model_annotated_wait(ThreadState *t, uintptr_t m, bool read) {
  sched_point(t);
  for (;;) {
    SyncVar *s = annotated_var(m); // the table may have changed while blocked
    if (s->owner == (int32_t)t->tid) {
      if (!(s->annotated_flags & kAnnotatedReentrant))
        report_misuse(t, "double-lock", m, "__tsan_mutex_pre_lock",
                      "a thread locks a non-reentrant annotated mutex it already holds (this "
                      "would hang)");
      if (read && remember_pending(t, m))
        ++s->readers;
      return; // a further level: post_lock adds it
    }
    if (s->owner < 0 && (read || s->readers == 0)) {
      if (!read) {
        s->owner = (int32_t)t->tid;
        s->rec = 0;
      } else if (remember_pending(t, m)) {
        ++s->readers;
      }
      return;
    }
    sched_block(t, BlockOp::AnnotatedLock, m, false);
  }
}

void model_annotated_acquired(ThreadState *t, uintptr_t m, bool read, bool trylock, uint32_t levels,
                              uintptr_t pc) {
  SyncVar *s = annotated_var(m);
  if (read) {
    if (!take_pending(t, m))
      ++s->readers;
  } else if (s->owner == (int32_t)t->tid && s->rec > 0) {
    s->rec += levels; // a reentrant lock taken again: no new acquisition
    return;
  } else {
    s->owner = (int32_t)t->tid;
    s->rec = levels ? levels : 1;
  }
  sync_acquire(t, s);
  lock_acquired(t, m, trylock, !read, pc);
  note_progress(t);
}

uint32_t model_annotated_unlocking(ThreadState *t, uintptr_t m, bool read, bool all) {
  sched_point(t);
  SyncVar *s = annotated_var(m);
  const bool held = read ? holds_read(t, m) : s->owner == (int32_t)t->tid && s->rec > 0;
  if (!held)
    report_misuse(t, "unlock-not-held", m, "__tsan_mutex_pre_unlock",
                  s->owner < 0 && s->readers == 0
                      ? "a thread unlocks an annotated mutex that is not locked"
                      : "a thread unlocks an annotated mutex it does not hold");
  if (read)
    return 0; // what TSan returns for a read unlock
  const uint32_t levels = all ? s->rec : 1;
  s->rec -= levels;
  return levels;
}

void model_annotated_unlocked(ThreadState *t, uintptr_t m, bool read) {
  SyncVar *s = annotated_var(m);
  if (read) {
    if (s->readers > 0)
      --s->readers;
  } else {
    if (s->owner != (int32_t)t->tid || s->rec > 0)
      return; // levels remain (or pre_unlock already reported the misuse)
    s->owner = -1;
  }
  model_freed(t, s);
}

void model_annotated_destroy(ThreadState *t, uintptr_t m, uint8_t kind) {
  SyncVar *s = sync_find(m);
  if (!s)
    return;
  // TSan's rules: a linker-initialised lock is never destroyed; a destroy that says not_static
  // counts only for a lock created not_static.
  if ((s->annotated_flags | kind) & kAnnotatedStatic)
    return;
  if ((kind & kAnnotatedNotStatic) && !(s->annotated_flags & kAnnotatedNotStatic))
    return;
  if (s->owner >= 0 || s->readers > 0)
    report_misuse(t, "destroy-while-held", m, "__tsan_mutex_destroy",
                  "an annotated mutex is destroyed while it is held");
  sync_erase(m);
}

} // namespace weft
