// The analyses find these inside one function (FunctionSummary) or through callees (Program);
// the check reports them.
#include "DoubleLockCheck.h"

namespace weft::analyzer {

void DoubleLockCheck::run(const AnalysisResult &result, const Emit &emit) {
  emitIssues(result, emit);
}

} // namespace weft::analyzer
