// GUARDED_BY / PT_GUARDED_BY: the declared lock is the one an access must hold (Annotations.h,
// DataRaceCheck).
#include "TestSupport.h"

#include <gtest/gtest.h>

using namespace weft::analyzer::test;

namespace {

const std::string kPrelude = R"(
#include <mutex>
#include <thread>
#define GUARDED_BY(x) __attribute__((guarded_by(x)))
#define PT_GUARDED_BY(x) __attribute__((pt_guarded_by(x)))
)";

LintRun lint(const std::string &body) { return analyzeValidCode(kPrelude + body); }

TEST(GuardedBy, AccessWithoutTheDeclaredLockIsReportedThere) {
  const std::string code = kPrelude + R"(
struct Account {
  std::mutex mu_; long balance_ GUARDED_BY(mu_) = 0;
  void deposit() { std::lock_guard<std::mutex> g(mu_); balance_ += 1; }
  long audit() { return balance_; /*UNLOCKED*/ }
};
int main() {
  Account a; long seen = 0;
  std::thread t([&a] { a.deposit(); }), u([&a, &seen] { seen = a.audit(); });
  t.join(); u.join();
}
)";
  LintRun r = analyzeValidCode(code);
  ASSERT_EQ(r.of("data-race").size(), 1u);
  const auto f = r.of("data-race").front();
  EXPECT_EQ(f.variable, "Account::balance_");
  EXPECT_NE(f.message.find("declared guarded by 'Account::mu_'"), std::string::npos) << f.message;
  // The primary location is the access that breaks the contract, not the locked write.
  EXPECT_EQ(f.location.line, lineOf(code, "/*UNLOCKED*/"));
}

TEST(GuardedBy, AnotherCommonLockDoesNotCount) {
  LintRun r = lint(R"(
std::mutex other;
struct S {
  std::mutex mu_; int x GUARDED_BY(mu_) = 0;
  void a() { std::lock_guard<std::mutex> g(other); x++; }
  void b() { std::lock_guard<std::mutex> g(other); std::lock_guard<std::mutex> h(mu_); x++; }
};
int main() { S s; std::thread t([&s] { s.a(); }), u([&s] { s.b(); }); t.join(); u.join(); }
)");
  ASSERT_TRUE(r.has("data-race", "S::x"));
  EXPECT_NE(r.of("data-race").front().message.find("'S::mu_'"), std::string::npos);
}

TEST(GuardedBy, AlwaysHoldingTheDeclaredLockIsClean) {
  LintRun r = lint(R"(
struct S {
  std::mutex mu_; int x GUARDED_BY(mu_) = 0;
  void inc() { std::lock_guard<std::mutex> g(mu_); x++; }
  int get() { std::lock_guard<std::mutex> g(mu_); return x; }
};
std::mutex gm; int total GUARDED_BY(gm);
void add() { std::lock_guard<std::mutex> g(gm); total++; }
int main() {
  S s1, s2;
  std::thread t([&] { s1.inc(); s2.inc(); add(); }), u([&] { (void)s1.get(); add(); });
  t.join(); u.join();
}
)");
  EXPECT_TRUE(r.findings.empty()) << r.findings.front().message;
}

TEST(GuardedBy, TheLockOfTheSameObjectIsRequired) {
  // b's field under a's mutex: the same lock name, another object.
  LintRun r = lint(R"(
struct S { std::mutex mu_; int x GUARDED_BY(mu_) = 0; };
S a, b;
void wrong() { std::lock_guard<std::mutex> g(a.mu_); b.x++; }
void right() { std::lock_guard<std::mutex> g(b.mu_); b.x++; }
int main() { std::thread t(wrong), u(right); t.join(); u.join(); }
)");
  EXPECT_TRUE(r.has("data-race", "S::x"));
}

TEST(GuardedBy, GlobalWithoutTheLock) {
  LintRun r = lint(R"(
std::mutex m; int counter GUARDED_BY(m);
void locked() { std::lock_guard<std::mutex> g(m); counter++; }
void unlocked() { counter++; }
int main() { std::thread t(locked), u(unlocked); t.join(); u.join(); }
)");
  ASSERT_TRUE(r.has("data-race", "counter"));
  EXPECT_NE(r.of("data-race").front().message.find("declared guarded by 'm'"), std::string::npos);
}

TEST(GuardedBy, UnsharedStateIsNotReported) {
  // Written without the lock only before the thread starts and after it is joined.
  LintRun r = lint(R"(
std::mutex m; int counter GUARDED_BY(m);
void locked() { std::lock_guard<std::mutex> g(m); counter++; }
int main() { counter = 1; std::thread t(locked); t.join(); return counter; }
)");
  EXPECT_TRUE(r.findings.empty()) << r.findings.front().message;
}

TEST(PtGuardedBy, PointeeNeedsTheLock) {
  LintRun bad = lint(R"(
struct Node { int v; };
struct Q {
  std::mutex mu_; int *slot PT_GUARDED_BY(mu_); Node *head PT_GUARDED_BY(mu_);
  void put() { std::lock_guard<std::mutex> g(mu_); *slot = 1; head->v = 1; }
  int peek() { return *slot + head->v; }
};
int main() { Q q; std::thread t([&q] { q.put(); }), u([&q] { (void)q.peek(); }); t.join(); u.join(); }
)");
  for (const auto &f : bad.of("data-race"))
    EXPECT_NE(f.message.find("declared guarded by 'Q::mu_'"), std::string::npos) << f.message;
  EXPECT_TRUE(bad.has("data-race", "Node::v"));
  LintRun good = lint(R"(
struct Node { int v; };
struct Q {
  std::mutex mu_; int *slot PT_GUARDED_BY(mu_); Node *head PT_GUARDED_BY(mu_);
  void put() { std::lock_guard<std::mutex> g(mu_); *slot = 1; head->v = 1; }
  int peek() { std::lock_guard<std::mutex> g(mu_); return *slot + head->v; }
};
int main() { Q q; std::thread t([&q] { q.put(); }), u([&q] { (void)q.peek(); }); t.join(); u.join(); }
)");
  EXPECT_TRUE(good.findings.empty()) << good.findings.front().message;
}

} // namespace
