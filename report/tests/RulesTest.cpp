// The rule catalogue: complete, sorted, and searchable.
#include "weft/report/Rules.h"

#include <gtest/gtest.h>

namespace weft::report {
namespace {

TEST(Rules, CatalogueHasEveryRule) {
  for (const char *id :
       {"data-race", "deadlock", "lock-order-inversion", "double-lock", "unlock-not-held",
        "lock-leak", "destroy-while-held", "cv-wait-without-predicate", "joinable-thread-destroyed",
        "detached-thread-captures-local", "assertion-failure", "crash", "livelock", "timeout"}) {
    const RuleInfo *r = findRule(id);
    ASSERT_NE(r, nullptr) << id;
    EXPECT_EQ(r->id, id);
    EXPECT_FALSE(r->name.empty());
    EXPECT_FALSE(r->shortDescription.empty());
    EXPECT_FALSE(r->helpText.empty());
  }
  EXPECT_EQ(allRules().size(), 14u);
}

TEST(Rules, UnknownIsNull) {
  EXPECT_EQ(findRule("race"), nullptr);
  EXPECT_EQ(findRule(""), nullptr);
  EXPECT_EQ(findRule("zzz"), nullptr);
}

TEST(Rules, HelpUri) { EXPECT_EQ(ruleHelpUri("data-race"), "docs/rules/data-race.md"); }

} // namespace
} // namespace weft::report
