// Decides cv-wait-without-predicate on the waits as written: no predicate and no loop around.
#include "CvWaitWithoutPredicateCheck.h"

namespace weft::analyzer {

void CvWaitWithoutPredicateCheck::run(const AnalysisResult &result, const Emit &emit) {
  for (const FunctionFacts &f : result.functions)
    for (const WaitFact &w : f.waits)
      if (!w.hasPredicate && !w.inLoop)
        report(emit, w.cv,
               "wait on '" + w.cv +
                   "' without a predicate and outside a loop: a spurious or early wake-up is "
                   "taken for the condition",
               w.at);
}

} // namespace weft::analyzer
