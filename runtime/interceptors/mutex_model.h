// The modelled mutex shared by pthread mutexes, spinlocks and the re-lock inside condition waits: the
// real object is never locked while the run is controlled; a thread that would block is not enabled.
#pragma once
#include "core/sync.h"

namespace weft {

enum class LockMode : uint8_t { Block, Try, Timed };

/// Returns 0, EBUSY (try), ETIMEDOUT (timed) or EDEADLK (errorcheck re-lock). Reports double-lock
/// for a non-recursive, non-errorcheck re-lock. `spin`: a pthread spinlock (no type, blocked op name).
int model_lock(ThreadState *t, uintptr_t m, LockMode mode, bool spin, uintptr_t pc);
/// Returns 0 or EPERM (errorcheck/recursive misuse); reports unlock-not-held otherwise.
int model_unlock(ThreadState *t, uintptr_t m, bool spin);
/// Releases every level of a held mutex (condition wait); returns the recursion depth to restore.
uint32_t model_release_all(ThreadState *t, SyncVar *s);
/// Re-acquires after a condition wait (blocks while held; no lock-order edge, no misuse checks).
void model_reacquire(ThreadState *t, uintptr_t m, uint32_t rec);
/// The caller just made `s` free (owner -1, or one reader fewer): release its clock, drop it from
/// the thread's held locks, wake its waiters.
void model_freed(ThreadState *t, SyncVar *s);

// Annotated mutexes (TSan's __tsan_mutex_* and AnnotateRWLock*, annotated_mutex.cpp): the same
// model, one writer or any number of readers, the kind from the annotation's flags (the object
// is the program's own, so nothing is read from it). The program's lock code runs between the
// two halves of each operation.

/// What the annotation's creation flags say (SyncVar::annotated_flags).
enum AnnotatedKind : uint8_t {
  kAnnotatedReentrant = 1, ///< its writer may take it again (write_reentrant)
  kAnnotatedStatic = 2,    ///< destroy is ignored (linker_init)
  kAnnotatedNotStatic = 4, ///< a destroy that says not_static counts (not_static)
};
/// Creation (or creation flags passed to a lock operation): adds `kind` to the lock's kind.
void model_annotated_create(uintptr_t m, uint8_t kind);
/// pre_lock: a scheduling point, then waits (blocked in the model) until the lock can be taken
/// and takes it in the model, so the program's own lock code finds it free. Reports double-lock
/// for a re-lock by its writer when the lock is not reentrant.
void model_annotated_wait(ThreadState *t, uintptr_t m, bool read);
/// post_lock: the lock was acquired (`levels` recursion levels): happens-before from its last
/// release, lock-order edges (none for `trylock` or `read`), held locks. Takes the model lock
/// if no pre_lock did (a trylock, AnnotateRWLockAcquired).
void model_annotated_acquired(ThreadState *t, uintptr_t m, bool read, bool trylock, uint32_t levels,
                              uintptr_t pc);
/// pre_unlock: a scheduling point; checks the thread holds the lock (unlock-not-held) and
/// returns the levels a write unlock releases (all of them with `all`, else 1; 0 for a read).
uint32_t model_annotated_unlocking(ThreadState *t, uintptr_t m, bool read, bool all);
/// post_unlock: the lock is free in the model once its last level is gone.
void model_annotated_unlocked(ThreadState *t, uintptr_t m, bool read);
/// destroy (`kind`: the destroy's own flags): destroy-while-held if held; forgets the lock.
void model_annotated_destroy(ThreadState *t, uintptr_t m, uint8_t kind);

} // namespace weft
