// The rule catalogue: well-formed, sorted, and searchable. Whether the rest of weft agrees with it
// (checks, schema, corpus runner, docs) is report.catalogue.* (catalogue_test.py).
#include "weft/report/Rules.h"

#include <gtest/gtest.h>

#include <cctype>

namespace weft::report {
namespace {

/// "lock-order-inversion" -> "LockOrderInversion": the name follows from the id.
std::string camelCase(std::string_view id) {
  std::string out;
  bool upper = true;
  for (char c : id) {
    if (c == '-') {
      upper = true;
      continue;
    }
    out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return out;
}

TEST(Rules, EveryEntryIsComplete) {
  ASSERT_FALSE(allRules().empty());
  for (const RuleInfo &r : allRules()) {
    EXPECT_EQ(r.name, camelCase(r.id)) << r.id;
    EXPECT_NE(r.defaultSeverity, Severity::Note) << r.id;
    EXPECT_FALSE(r.shortDescription.empty()) << r.id;
    EXPECT_FALSE(r.helpText.empty()) << r.id;
    EXPECT_EQ(findRule(r.id), &r) << r.id;
  }
}

TEST(Rules, UnknownIsNull) {
  EXPECT_EQ(findRule("race"), nullptr);
  EXPECT_EQ(findRule(""), nullptr);
  EXPECT_EQ(findRule("zzz"), nullptr);
}

TEST(Rules, SeverityComesFromTheCatalogue) {
  // A self-relock of a non-recursive mutex deadlocks every time: an error from both tools.
  const RuleInfo *doubleLock = findRule("double-lock");
  ASSERT_NE(doubleLock, nullptr);
  EXPECT_EQ(doubleLock->defaultSeverity, Severity::Error);
  EXPECT_TRUE(doubleLock->raisedByLint());
  EXPECT_TRUE(doubleLock->raisedByRun());
  EXPECT_EQ(ruleSeverity("double-lock"), Severity::Error);
  EXPECT_EQ(ruleSeverity("data-race"), findRule("data-race")->defaultSeverity);
  EXPECT_EQ(ruleSeverity("no-such-rule"), Severity::Warning);
}

TEST(Rules, HelpUri) { EXPECT_EQ(ruleHelpUri("data-race"), "docs/rules/data-race.md"); }

} // namespace
} // namespace weft::report
