// lock-leak decided on hand-built exit facts: at a return, at the end, and the lock wrappers
// that return with their lock on purpose.
#include "../../checks/LockLeakCheck.h"
#include "Facts.h"
#include "Snippets.h"

#include <gtest/gtest.h>

using namespace weft::analyzer;
using namespace weft::analyzer::test;

namespace {

FunctionFacts function(std::vector<ExitFact> exits, bool called = false) {
  FunctionFacts f;
  f.name = f.shortName = "add";
  f.end = at(20);
  f.exits = std::move(exits);
  f.called = called;
  return f;
}

TEST(LockLeakCheck, ReturnWithAManualLockHeld) {
  AnalysisResult r = withContexts(0);
  r.functions.push_back(function(
      {{true, at(12), {held("m", 10)}, {held("m", 10)}}, {false, at(20), {held("m", 10)}, {}}}));
  auto out = findings<LockLeakCheck>(r);
  ASSERT_EQ(out.size(), 1u) << "reported at the return, not again at the end";
  EXPECT_EQ(out[0].location.line, 12);
}

TEST(LockLeakCheck, EndOfFunctionOnSomeOrEveryPath) {
  AnalysisResult r = withContexts(0);
  r.functions.push_back(function({{false, at(20), {held("m", 10)}, {held("m", 10)}}}));
  auto out = findings<LockLeakCheck>(r);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].location.line, 10);
  EXPECT_NE(out[0].message.find("on any path"), std::string::npos) << out[0].message;
  r.functions[0].exits[0].must.clear();
  out = findings<LockLeakCheck>(r);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_NE(out[0].message.find("on some path"), std::string::npos) << out[0].message;
}

TEST(LockLeakCheck, GuardsCallersLocksAndWrappersDoNotLeak) {
  AnalysisResult r = withContexts(0);
  HeldLock guarded = held("m", 10, false);
  guarded.guard = 77;
  HeldLock callers = held("m", 1, false);
  callers.guard = guard::Requires;
  r.functions.push_back(function({{false, at(20), {guarded, callers}, {guarded, callers}}}));
  FunctionFacts wrapper = function({{false, at(20), {held("m", 10)}, {held("m", 10)}}});
  wrapper.returnsLocked = true;
  r.functions.push_back(wrapper);
  EXPECT_TRUE(findings<LockLeakCheck>(r).empty());
}

TEST(LockLeakCheck, ACalledFunctionHoldingItsLockOnEveryPathHandsItToTheCaller) {
  AnalysisResult r = withContexts(0);
  r.functions.push_back(
      function({{false, at(20), {held("db_mu", 10)}, {held("db_mu", 10)}}}, /*called=*/true));
  EXPECT_TRUE(findings<LockLeakCheck>(r).empty()) << "lock_db(): the caller is checked instead";
  r.functions[0].exits[0].must.clear(); // held on some paths only: still a leak
  EXPECT_EQ(findings<LockLeakCheck>(r).size(), 1u);
}

// ---- on small programs -------------------------------------------------------------------

TEST(LockLeakCheckSnippets, EarlyReturnKeepsTheLock) {
  LintRun bad = lint(R"(
std::mutex m; int total;
void add(int v) { m.lock(); if (v < 0) return; total += v; m.unlock(); }
int main() { add(1); }
)");
  EXPECT_EQ(bad.of("lock-leak").size(), 1u);
  LintRun good = lint(R"(
std::mutex m; int total;
void add(int v) { std::lock_guard<std::mutex> g(m); if (v < 0) return; total += v; }
int main() { add(1); }
)");
  EXPECT_TRUE(good.findings.empty());
}

} // namespace
