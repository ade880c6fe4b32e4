// The analyses find these inside one function (FunctionSummary) or through callees (Program);
// the check reports them.
#include "DetachedThreadCapturesLocalCheck.h"

namespace weft::analyzer {

void DetachedThreadCapturesLocalCheck::run(const AnalysisResult &result, const Emit &emit) {
  emitIssues(result, emit);
}

} // namespace weft::analyzer
