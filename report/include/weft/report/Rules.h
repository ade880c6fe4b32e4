// The catalogue of rules weft reports: one place for ids, names and help text, used by the text,
// SARIF and HTML writers and by the checks/detectors that raise findings.
#pragma once

#include "weft/report/Report.h"

#include <span>
#include <string>
#include <string_view>

namespace weft::report {

/// One rule. `id` is what Finding::rule holds (e.g. "data-race").
struct RuleInfo {
  std::string_view id;
  std::string_view name;             ///< CamelCase, e.g. "DataRace" (SARIF's rule name)
  std::string_view shortDescription; ///< one sentence
  std::string_view helpText;         ///< a paragraph: what it means and how to fix it
  Severity defaultSeverity;
};

/// Every rule, sorted by id.
std::span<const RuleInfo> allRules();

/// The rule with this id, or nullptr.
const RuleInfo *findRule(std::string_view id);

/// Where a rule's documentation lives, relative to the repository: "docs/rules/<id>.md".
std::string ruleHelpUri(std::string_view id);

} // namespace weft::report
