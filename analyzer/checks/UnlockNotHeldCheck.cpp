// Decides unlock-not-held on the lockset facts: an unlock where the lock is held on no path, by
// the function (unlocked twice, a guard that does not own it) or, for a thread's entry, by anyone.
#include "UnlockNotHeldCheck.h"

#include <algorithm>

namespace weft::analyzer {

void UnlockNotHeldCheck::run(const AnalysisResult &result, const Emit &emit) {
  for (const Acquisition &a : result.acquisitions) {
    // Only where nothing called the function: a callee's unlock may release its caller's lock.
    if (!a.release || !a.entry)
      continue;
    bool held = std::any_of(a.before.begin(), a.before.end(), [&](const HeldLock &h) {
      return h.lock.name == a.lock.lock.name && mayAlias(h.lock.inst, a.lock.lock.inst);
    });
    if (!held)
      report(emit, a.lock.lock.name,
             "mutex '" + a.lock.lock.name + "' is unlocked but not held here", a.lock.at);
  }
  for (const FunctionFacts &f : result.functions) {
    for (const SAcquire &a : f.acquires)
      if (a.release && a.releasedBefore)
        report(emit, a.lock.lock.name,
               "mutex '" + a.lock.lock.name + "' is unlocked but not held (already unlocked)",
               a.lock.at);
    for (const GuardUnlockFact &g : f.guardUnlocks)
      if (!g.owned)
        report(emit, g.lock,
               "'" + g.guard + ".unlock()' but the lock does not own mutex '" + g.lock + "'", g.at);
  }
}

} // namespace weft::analyzer
