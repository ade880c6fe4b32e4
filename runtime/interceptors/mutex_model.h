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

} // namespace weft
