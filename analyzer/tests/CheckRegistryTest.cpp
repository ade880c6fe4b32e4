// Every lint rule of the catalogue (report/src/Rules.def) has exactly one check and every check
// decides a lint rule of the catalogue; a check's findings take the catalogue's severity.
#include "../checks/CheckRegistry.h"

#include "weft/report/Rules.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace weft::analyzer {
namespace {

TEST(CheckRegistry, ChecksAreTheCataloguesLintRules) {
  std::set<std::string> checks;
  for (const auto &check : makeChecks())
    EXPECT_TRUE(checks.insert(check->rule()).second) << "two checks for " << check->rule();
  std::set<std::string> lintRules;
  for (const report::RuleInfo &r : report::allRules())
    if (r.raisedByLint())
      lintRules.insert(std::string(r.id));
  EXPECT_EQ(checks, lintRules);
}

TEST(CheckRegistry, EmitGivesTheCataloguesSeverity) {
  std::vector<report::Finding> got;
  Check::Emit emit([&](report::Finding f) { got.push_back(std::move(f)); });
  for (const report::RuleInfo &r : report::allRules()) {
    report::Finding f;
    f.rule = std::string(r.id);
    f.severity = report::Severity::Note; // whatever a check might set, the catalogue wins
    emit(f);
    ASSERT_FALSE(got.empty());
    EXPECT_EQ(got.back().severity, r.defaultSeverity) << r.id;
  }
}

} // namespace
} // namespace weft::analyzer
