// Decides cv-wait-without-predicate on the waits as written: no predicate and no loop around. A
// wait in a function that analysed code calls is a wait wrapper: each call of it that no loop
// repeats is the unguarded wait.
#include "CvWaitWithoutPredicateCheck.h"

namespace weft::analyzer {

void CvWaitWithoutPredicateCheck::run(const AnalysisResult &result, const Emit &emit) {
  for (const FunctionFacts &f : result.functions)
    for (const WaitFact &w : f.waits) {
      if (w.hasPredicate || w.inLoop)
        continue;
      if (!f.called) {
        report(emit, w.cv,
               "wait on '" + w.cv +
                   "' without a predicate and outside a loop: a spurious or early wake-up is "
                   "taken for the condition",
               w.at);
        continue;
      }
      // A wait wrapper (leveldb's CondVar::Wait()): its callers are the ones to loop.
      for (const report::Location &call : f.callsOutsideLoops)
        report(emit, w.cv,
               "wait on '" + w.cv + "' through '" + f.shortName +
                   "' without a predicate and outside a loop: a spurious or early wake-up is "
                   "taken for the condition",
               call, {{"'" + f.shortName + "' waits here", w.at, {}}});
    }
}

} // namespace weft::analyzer
