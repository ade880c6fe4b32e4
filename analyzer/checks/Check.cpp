// Shared helper of Check (see Check.h).
#include "Check.h"

#include "weft/report/Rules.h"

namespace weft::analyzer {

void Check::Emit::operator()(report::Finding f) const {
  f.severity = report::ruleSeverity(f.rule);
  sink_(std::move(f));
}

void Check::emitIssues(const AnalysisResult &result, const Emit &emit) const {
  for (const LocalIssue &i : result.issues) {
    if (i.rule != rule_)
      continue;
    report::Finding f;
    f.rule = rule_;
    f.message = i.message;
    f.variable = i.variable;
    f.location = i.loc;
    f.related = i.related;
    emit(std::move(f));
  }
}

} // namespace weft::analyzer
