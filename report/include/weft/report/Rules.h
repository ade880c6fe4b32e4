// The catalogue of rules weft reports: one place for ids, names, severities and help text, used by
// the text, SARIF and HTML writers and by the checks/detectors that raise findings. The entries
// themselves are written once, in report/src/Rules.def.
#pragma once

#include "weft/report/Report.h"

#include <span>
#include <string>
#include <string_view>

namespace weft::report {

/// Which of weft's tools raises a rule.
enum class RuleTools { Lint, Run, Both };

/// One rule. `id` is what Finding::rule holds (e.g. "data-race").
struct RuleInfo {
  std::string_view id;
  std::string_view name;             ///< CamelCase, e.g. "DataRace" (SARIF's rule name)
  Severity defaultSeverity;          ///< the severity of every finding of the rule, from any tool
  RuleTools raisedBy;                ///< `weft lint`, `weft run` or both
  std::string_view shortDescription; ///< one sentence
  std::string_view helpText;         ///< a paragraph: what it means and how to fix it

  bool raisedByLint() const { return raisedBy != RuleTools::Run; }
  bool raisedByRun() const { return raisedBy != RuleTools::Lint; }
};

/// Every rule, sorted by id.
std::span<const RuleInfo> allRules();

/// The rule with this id, or nullptr.
const RuleInfo *findRule(std::string_view id);

/// The catalogue's severity of a rule; Warning for an id the catalogue does not know (the JSON
/// reader rejects such a finding, so it never leaves the tool that made it).
Severity ruleSeverity(std::string_view id);

/// Where a rule's documentation lives, relative to the repository: "docs/rules/<id>.md".
std::string ruleHelpUri(std::string_view id);

} // namespace weft::report
