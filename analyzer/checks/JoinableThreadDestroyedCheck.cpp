// Decides joinable-thread-destroyed on the thread-object facts: a std::thread destroyed, or
// overwritten by a move-assignment, while it may still be joinable.
#include "JoinableThreadDestroyedCheck.h"

namespace weft::analyzer {

void JoinableThreadDestroyedCheck::run(const AnalysisResult &result, const Emit &emit) {
  for (const FunctionFacts &f : result.functions)
    for (const ThreadObjectFact &t : f.threadObjects) {
      if (!t.mayBeJoinable)
        continue;
      if (t.kind == ThreadObjectFact::Destroyed)
        report(emit, t.name,
               "thread '" + t.name +
                   "' may be destroyed while joinable (neither joined nor detached on some "
                   "path); std::terminate is called",
               t.at, {{"thread object declared here", t.declaredAt, {}}});
      else
        report(emit, t.name,
               "a new thread is move-assigned into a std::thread that may still be joinable; "
               "std::terminate is called",
               t.at);
    }
}

} // namespace weft::analyzer
