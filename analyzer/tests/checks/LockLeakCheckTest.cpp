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
  r.functions[0].handedToCallers = {held("db_mu", 10)};
  EXPECT_TRUE(findings<LockLeakCheck>(r).empty()) << "lock_db(): the caller is checked instead";
  r.functions[0].handedToCallers.clear(); // kept on some paths, let go on others: a leak
  EXPECT_EQ(findings<LockLeakCheck>(r).size(), 1u);
}

// ---- on small programs -------------------------------------------------------------------

TEST(LockLeakCheckSnippets, ConditionalLockWrapperHandsItsLockToTheCaller) {
  // zstd's AIO_IOPool_lockJobsMutex: locks only when a pool runs; its twin unlocks on the same
  // test. Neither is a leak, and what the caller does between them is under the lock.
  const char *wrappers = R"(
struct Ctx { pthread_mutex_t mu; int active; int jobs; };
static void lockJobs(Ctx *c) { if (c->active) pthread_mutex_lock(&c->mu); }
static void unlockJobs(Ctx *c) { if (c->active) pthread_mutex_unlock(&c->mu); }
)";
  LintRun good = lint(std::string(wrappers) + R"(
Ctx ctx;
void *work(void *) { lockJobs(&ctx); ctx.jobs++; unlockJobs(&ctx); return nullptr; }
int main() {
  pthread_t a, b;
  pthread_create(&a, nullptr, work, nullptr);
  pthread_create(&b, nullptr, work, nullptr);
  pthread_join(a, nullptr);
  pthread_join(b, nullptr);
}
)");
  EXPECT_TRUE(good.findings.empty()) << good.messages();
  LintRun bad = lint(std::string(wrappers) + R"(
Ctx ctx;
void add() {
  lockJobs(&ctx);
  ctx.jobs++;
}
int main() { add(); }
)");
  ASSERT_EQ(bad.of("lock-leak").size(), 1u) << bad.messages();
  EXPECT_NE(bad.of("lock-leak")[0].message.find("'main'"), std::string::npos)
      << "add() hands the lock on, as a wrapper that always locks would: " << bad.messages();
  LintRun letGo = lint(R"(
std::mutex m; int total;
void add(int v) {
  if (v > 0)
    m.lock();
  total += v;
  if (v > 1)
    m.unlock();
}
int main() { add(1); }
)");
  EXPECT_EQ(letGo.of("lock-leak").size(), 1u)
      << "it lets go of it on some paths: " << letGo.messages();
}

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
