// Shared helper of Check (see Check.h).
#include "Check.h"

#include "weft/report/Rules.h"

namespace weft::analyzer {

void Check::Emit::operator()(report::Finding f) const {
  f.severity = report::ruleSeverity(f.rule);
  sink_(std::move(f));
}

void Check::report(const Emit &emit, const std::string &variable, std::string message,
                   const report::Location &at, std::vector<report::RelatedLocation> related) {
  std::string key =
      variable + "|" + at.file + ":" + std::to_string(at.line) + ":" + std::to_string(at.column);
  if (!reported_.insert(key).second)
    return;
  report::Finding f;
  f.rule = rule_;
  f.message = std::move(message);
  f.variable = variable;
  f.location = at;
  f.related = std::move(related);
  emit(std::move(f));
}

} // namespace weft::analyzer
