// The rule catalogue's table, expanded from Rules.def (the one place rules are written).
#include "weft/report/Rules.h"

#include <algorithm>
#include <array>

namespace weft::report {
namespace {

constexpr std::array kRules = {
#define WEFT_RULE(id, name, severity, raisedBy, shortDescription, helpText)                        \
  RuleInfo{id, #name, Severity::severity, RuleTools::raisedBy, shortDescription, helpText},
#include "Rules.def"
#undef WEFT_RULE
};

constexpr bool sortedById() {
  for (size_t i = 1; i < kRules.size(); ++i)
    if (!(kRules[i - 1].id < kRules[i].id))
      return false;
  return true;
}
static_assert(sortedById(), "Rules.def must stay sorted by id (findRule searches it)");

} // namespace

std::span<const RuleInfo> allRules() { return kRules; }

const RuleInfo *findRule(std::string_view id) {
  auto it = std::lower_bound(kRules.begin(), kRules.end(), id,
                             [](const RuleInfo &r, std::string_view v) { return r.id < v; });
  return it != kRules.end() && it->id == id ? &*it : nullptr;
}

Severity ruleSeverity(std::string_view id) {
  const RuleInfo *rule = findRule(id);
  return rule ? rule->defaultSeverity : Severity::Warning;
}

std::string ruleHelpUri(std::string_view id) { return "docs/rules/" + std::string(id) + ".md"; }

} // namespace weft::report
