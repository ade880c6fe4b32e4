// Decides double-lock on the lockset facts: an acquisition of a lock that is already held, in the
// function itself (held on every path there) or by a caller.
#include "DoubleLockCheck.h"

#include "../analysis/Lockset.h"

namespace weft::analyzer {

namespace {

/// Taking `again` while `held` is held deadlocks: an exclusive re-lock of a non-recursive mutex
/// whose identity is known (an unknown identity may be another object of the same name).
bool deadlocks(const HeldLock &held, const HeldLock &again) {
  return sameLock(held.lock, again.lock) && !again.recursive && !again.lock.inst.empty() &&
         !(held.shared && again.shared) && held.guard != guard::Once && held.isLock();
}

} // namespace

void DoubleLockCheck::run(const AnalysisResult &result, const Emit &emit) {
  for (const Acquisition &a : result.acquisitions) {
    if (a.release || !a.lock.isLock())
      continue;
    for (const HeldLock &h : a.fromCaller)
      if (deadlocks(h, a.lock))
        report(emit, a.lock.lock.name,
               "mutex '" + a.lock.lock.name +
                   "' is locked again while already held by a caller; it is not recursive, "
                   "so this deadlocks",
               a.lock.at, {{"first acquired here", h.at, {}}});
  }
  for (const FunctionFacts &f : result.functions)
    for (const SAcquire &a : f.acquires)
      if (!a.release && a.alreadyHeld && a.prior.guard != guard::Sync && deadlocks(a.prior, a.lock))
        report(emit, a.lock.lock.name,
               "mutex '" + a.lock.lock.name +
                   "' is locked again while already held; it is not recursive, so this deadlocks",
               a.lock.at, {{"first acquired here", a.prior.at, {}}});
}

} // namespace weft::analyzer
