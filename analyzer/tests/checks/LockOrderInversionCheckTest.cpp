// lock-order-inversion decided on hand-built lock-order edges.
#include "../../checks/LockOrderInversionCheck.h"
#include "Facts.h"
#include "Snippets.h"

#include <gtest/gtest.h>

using namespace weft::analyzer;
using namespace weft::analyzer::test;

namespace {

LockEdge edge(const std::string &from, const std::string &to, int context, int line) {
  return {global(from), global(to), at(line - 1), at(line), context, {}};
}

TEST(LockOrderInversionCheck, OppositeOrdersInTwoThreads) {
  AnalysisResult r = withContexts(2);
  r.edges = {edge("a", "b", 1, 10), edge("b", "a", 2, 20)};
  auto out = findings<LockOrderInversionCheck>(r);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_NE(out[0].message.find("lock order inversion"), std::string::npos);
}

TEST(LockOrderInversionCheck, OneThreadRunningOnceCannotDeadlockWithItself) {
  AnalysisResult r = withContexts(1);
  r.edges = {edge("a", "b", 1, 10), edge("b", "a", 1, 20)};
  EXPECT_TRUE(findings<LockOrderInversionCheck>(r).empty());
  r.contexts[1].multi = true;
  EXPECT_EQ(findings<LockOrderInversionCheck>(r).size(), 1u);
}

TEST(LockOrderInversionCheck, ACommonGateLockSerialisesTheCycle) {
  AnalysisResult r = withContexts(2);
  r.edges = {edge("a", "b", 1, 10), edge("b", "a", 2, 20)};
  r.edges[0].alsoHeld = {global("gate")};
  r.edges[1].alsoHeld = {global("gate")};
  EXPECT_TRUE(findings<LockOrderInversionCheck>(r).empty());
}

TEST(LockOrderInversionCheck, ConsistentOrderIsFine) {
  AnalysisResult r = withContexts(2);
  r.edges = {edge("a", "b", 1, 10), edge("a", "b", 2, 20)};
  EXPECT_TRUE(findings<LockOrderInversionCheck>(r).empty());
}

// ---- on small programs -------------------------------------------------------------------

TEST(LockOrderInversionCheckSnippets, OppositeOrdersAndScopedLock) {
  LintRun bad = lint(R"(
std::mutex m1, m2;
void ab() { std::lock_guard<std::mutex> a(m1); std::lock_guard<std::mutex> b(m2); }
void ba() { std::lock_guard<std::mutex> b(m2); std::lock_guard<std::mutex> a(m1); }
int main() { std::thread x(ab), y(ba); x.join(); y.join(); }
)");
  EXPECT_EQ(bad.of("lock-order-inversion").size(), 1u);
  LintRun good = lint(R"(
std::mutex m1, m2;
void ab() { std::scoped_lock l(m1, m2); }
void ba() { std::scoped_lock l(m2, m1); }
int main() { std::thread x(ab), y(ba); x.join(); y.join(); }
)");
  EXPECT_TRUE(good.of("lock-order-inversion").empty());
}

} // namespace
