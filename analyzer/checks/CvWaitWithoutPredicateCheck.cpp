// The analyses find these inside one function (FunctionSummary) or through callees (Program);
// the check reports them.
#include "CvWaitWithoutPredicateCheck.h"

namespace weft::analyzer {

void CvWaitWithoutPredicateCheck::run(const AnalysisResult &result, const Emit &emit) {
  emitIssues(result, emit);
}

} // namespace weft::analyzer
