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

TEST(LockOrderInversionCheck, LocksOfOneClassWhenOneObjectIsNotPinnedDown) {
  // pigz: get_space() locks `pool->have` of a known pool, then `space->use` of the space it took;
  // drop_space() locks `space->use` of any space, then `space->pool->have` of its pool.
  auto lock = [](const std::string &inst) { return ObjRef{ObjRef::Field, "lock_s::mutex", inst}; };
  const ObjRef have = lock("n:g:in_pool.pool::have.*pool::have");
  const ObjRef use = lock("n:n:u0:1.space::use.*space::use");
  const ObjRef anyUse = lock("n:p#0.space::use.*space::use");
  const ObjRef anyHave = lock("n:n:p#0.space::pool.*space::pool.pool::have.*pool::have");
  AnalysisResult r = withContexts(2);
  r.edges = {{have, use, at(10), at(11), 1, {}}, {anyUse, anyHave, at(20), at(21), 2, {}}};
  auto out = findings<LockOrderInversionCheck>(r);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_NE(out[0].message.find("'pool::have' then 'space::use'"), std::string::npos)
      << out[0].message;
  // Two pools the analysis can name are two locks, whatever their class.
  const ObjRef outHave = lock("n:g:out_pool.pool::have.*pool::have");
  r.edges = {{have, outHave, at(10), at(11), 1, {}}, {outHave, have, at(20), at(21), 2, {}}};
  r.edges[1].from = lock("n:g:out_pool.pool::have.*pool::have");
  r.edges[1].to = lock("n:g:in_pool.pool::have.*pool::have");
  EXPECT_EQ(findings<LockOrderInversionCheck>(r).size(), 1u) << "in_pool then out_pool, and back";
  r.edges[1] = {outHave, lock("n:g:other.pool::have.*pool::have"), at(20), at(21), 2, {}};
  EXPECT_TRUE(findings<LockOrderInversionCheck>(r).empty()) << "no cycle between pinned pools";
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
