// double-lock decided on hand-built facts: a re-lock held on every path, or held by a caller.
#include "../../checks/DoubleLockCheck.h"
#include "Facts.h"
#include "Snippets.h"

#include <gtest/gtest.h>

using namespace weft::analyzer;
using namespace weft::analyzer::test;

namespace {

AnalysisResult relockInFunction(HeldLock prior, HeldLock again) {
  AnalysisResult r = withContexts(0);
  FunctionFacts f;
  SAcquire a;
  a.lock = again;
  a.alreadyHeld = true;
  a.prior = prior;
  f.acquires.push_back(a);
  r.functions.push_back(f);
  return r;
}

TEST(DoubleLockCheck, RelockOfAMutexHeldOnEveryPath) {
  auto out = findings<DoubleLockCheck>(relockInFunction(held("m", 4), held("m", 6)));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].variable, "m");
  EXPECT_EQ(out[0].location.line, 6);
  ASSERT_EQ(out[0].related.size(), 1u);
  EXPECT_EQ(out[0].related[0].location.line, 4);
  EXPECT_EQ(out[0].severity, weft::report::Severity::Error) << "the catalogue's severity";
}

TEST(DoubleLockCheck, RecursiveSharedOnceAndUnknownIdentityAreFine) {
  HeldLock recursive = held("m", 6);
  recursive.recursive = true;
  EXPECT_TRUE(findings<DoubleLockCheck>(relockInFunction(held("m", 4), recursive)).empty());
  HeldLock r1 = held("rw", 4), r2 = held("rw", 6);
  r1.shared = r2.shared = true;
  EXPECT_TRUE(findings<DoubleLockCheck>(relockInFunction(r1, r2)).empty()) << "two readers";
  HeldLock once = held("flag", 4);
  once.guard = guard::Once;
  EXPECT_TRUE(findings<DoubleLockCheck>(relockInFunction(once, held("flag", 6))).empty());
  HeldLock unknown = held("m", 6);
  unknown.lock.inst = "";
  EXPECT_TRUE(findings<DoubleLockCheck>(relockInFunction(held("m", 4), unknown)).empty())
      << "an unknown identity may be another object";
}

TEST(DoubleLockCheck, HeldByACaller) {
  AnalysisResult r = withContexts(1);
  Acquisition a;
  a.context = 1;
  a.lock = held("m", 20);
  a.fromCaller = {held("m", 10)};
  a.before = a.fromCaller;
  r.acquisitions.push_back(a);
  auto out = findings<DoubleLockCheck>(r);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_NE(out[0].message.find("by a caller"), std::string::npos) << out[0].message;
  r.acquisitions[0].fromCaller.clear(); // the caller let it go first
  EXPECT_TRUE(findings<DoubleLockCheck>(r).empty());
}

TEST(DoubleLockCheck, OneFindingPerLocationAcrossContexts) {
  AnalysisResult r = withContexts(2);
  for (int c : {1, 2}) {
    Acquisition a;
    a.context = c;
    a.lock = held("m", 20);
    a.fromCaller = {held("m", 10)};
    r.acquisitions.push_back(a);
  }
  EXPECT_EQ(findings<DoubleLockCheck>(r).size(), 1u);
}

// ---- on small programs -------------------------------------------------------------------

TEST(DoubleLockCheckSnippets, DirectAndThroughCallee) {
  LintRun bad = lint(R"(
std::mutex m; int x;
void helper() { std::lock_guard<std::mutex> g(m); x++; }
void outer() { std::lock_guard<std::mutex> g(m); helper(); }
int main() { outer(); m.lock(); m.lock(); }
)");
  EXPECT_GE(bad.of("double-lock").size(), 2u);
  LintRun good = lint(R"(
std::recursive_mutex m;
void helper() { std::lock_guard<std::recursive_mutex> g(m); }
int main() { std::lock_guard<std::recursive_mutex> g(m); helper(); }
)");
  EXPECT_TRUE(good.of("double-lock").empty());
}

TEST(DoubleLockCheckSnippets, PthreadMutexMadeRecursive) {
  // Recursive through its attributes, or through glibc's static initialiser: re-locking is fine.
  LintRun good = analyzeValidCode(R"(
#define _GNU_SOURCE
#include <pthread.h>
pthread_mutex_t byAttr, byInit = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;
struct S { pthread_mutex_t mu; } s;
int main(void) {
  pthread_mutexattr_t a;
  pthread_mutexattr_init(&a);
  pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
  pthread_mutex_init(&byAttr, &a);
  pthread_mutex_init(&s.mu, &a);
  pthread_mutex_lock(&byAttr); pthread_mutex_lock(&byAttr);
  pthread_mutex_unlock(&byAttr); pthread_mutex_unlock(&byAttr);
  pthread_mutex_lock(&byInit); pthread_mutex_lock(&byInit);
  pthread_mutex_unlock(&byInit); pthread_mutex_unlock(&byInit);
  pthread_mutex_lock(&s.mu); pthread_mutex_lock(&s.mu);
  pthread_mutex_unlock(&s.mu); pthread_mutex_unlock(&s.mu);
  return 0;
}
)",
                                  true);
  EXPECT_TRUE(good.findings.empty()) << good.findings.front().message;
  // The attributes of another mutex, or another type, do not make this one recursive.
  LintRun bad = analyzeValidCode(R"(
#define _GNU_SOURCE
#include <pthread.h>
pthread_mutex_t rec, plain;
int main(void) {
  pthread_mutexattr_t a, b;
  pthread_mutexattr_init(&a);
  pthread_mutexattr_init(&b);
  pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
  pthread_mutexattr_settype(&b, PTHREAD_MUTEX_ERRORCHECK);
  pthread_mutex_init(&rec, &a);
  pthread_mutex_init(&plain, &b);
  pthread_mutex_lock(&plain); pthread_mutex_lock(&plain);
  pthread_mutex_unlock(&plain); pthread_mutex_unlock(&plain);
  return 0;
}
)",
                                 true);
  ASSERT_EQ(bad.of("double-lock").size(), 1u);
  EXPECT_EQ(bad.of("double-lock").front().variable, "plain");
}

} // namespace
