// Decides lock-leak on the exit facts: a lock taken by hand (not by a guard) that may still be
// held where the function returns. A lock wrapper returns with its lock held on purpose: so does
// any called function that ends holding a lock on every path (lock_db() in C), or on some paths
// without ever letting go of it (a conditional wrapper), whose summary hands the lock to its
// callers; a caller that never releases it is then the one reported.
#include "LockLeakCheck.h"

#include "../analysis/Lockset.h"

#include <algorithm>
#include <set>

namespace weft::analyzer {

namespace {

bool leaks(const HeldLock &h) { return h.manual && h.guard == guard::None; }

std::string key(const HeldLock &h) { return h.lock.name + "|" + h.lock.inst; }

} // namespace

void LockLeakCheck::run(const AnalysisResult &result, const Emit &emit) {
  for (const FunctionFacts &f : result.functions) {
    if (f.returnsLocked)
      continue;
    std::set<std::string> atReturn; // reported at a return: not again at the end
    std::set<std::string> passedOn; // what a called function hands to its callers
    if (f.called)
      for (const HeldLock &h : f.handedToCallers)
        passedOn.insert(key(h));
    for (const ExitFact &x : f.exits)
      if (x.isReturn)
        for (const HeldLock &h : x.may)
          if (leaks(h) && !passedOn.count(key(h))) {
            atReturn.insert(key(h));
            report(emit, h.lock.name,
                   "returns with mutex '" + h.lock.name + "' still locked on some path", x.at,
                   {{"'" + h.lock.name + "' locked here", h.at, {}}});
          }
    for (const ExitFact &x : f.exits) {
      if (x.isReturn)
        continue;
      for (const HeldLock &h : x.may) {
        if (!leaks(h) || passedOn.count(key(h)) || !atReturn.insert(key(h)).second)
          continue;
        bool always = std::any_of(x.must.begin(), x.must.end(),
                                  [&](const HeldLock &m) { return sameLock(m.lock, h.lock); });
        report(emit, h.lock.name,
               "mutex '" + h.lock.name + "' locked here is not released on " +
                   (always ? "any" : "some") + " path to the end of '" + f.shortName + "'",
               h.at, {{"end of '" + f.shortName + "' reached with it held", f.end, {}}});
      }
    }
  }
}

} // namespace weft::analyzer
