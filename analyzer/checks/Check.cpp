// Shared helper of Check (see Check.h).
#include "Check.h"

namespace weft::analyzer {

void Check::emitIssues(const AnalysisResult &result, const Emit &emit,
                       report::Severity severity) const {
  for (const LocalIssue &i : result.issues) {
    if (i.rule != rule_)
      continue;
    report::Finding f;
    f.rule = rule_;
    f.severity = severity;
    f.message = i.message;
    f.variable = i.variable;
    f.location = i.loc;
    f.related = i.related;
    emit(std::move(f));
  }
}

} // namespace weft::analyzer
