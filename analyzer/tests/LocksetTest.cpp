// Lockset analysis: which locks are held at an access, flow-sensitively and through callees.
#include "TestSupport.h"

#include <gtest/gtest.h>

using namespace weft::analyzer::test;

namespace {

const std::string kPrelude = R"(
#include <mutex>
#include <shared_mutex>
#include <thread>
#include <pthread.h>
)";

std::string locks(const std::string &body, const std::string &var, const std::string &marker) {
  std::string code = kPrelude + body;
  return analyzeValidCode(code).locksAt(var, lineOf(code, marker));
}

TEST(Lockset, LockGuardHeldUntilScopeEnd) {
  const std::string code = R"(
std::mutex m; int x;
void f() {
  { std::lock_guard<std::mutex> g(m); x = 1; /*A*/ }
  x = 2; /*B*/
}
int main() { f(); }
)";
  EXPECT_EQ(locks(code, "x", "/*A*/"), "m");
  EXPECT_EQ(locks(code, "x", "/*B*/"), "{}");
}

TEST(Lockset, ManualLockUnlock) {
  const std::string code = R"(
std::mutex m; int x;
int main() {
  m.lock();
  x = 1; /*A*/
  m.unlock();
  x = 2; /*B*/
}
)";
  EXPECT_EQ(locks(code, "x", "/*A*/"), "m");
  EXPECT_EQ(locks(code, "x", "/*B*/"), "{}");
}

TEST(Lockset, EarlyReturnAndBranches) {
  const std::string code = R"(
std::mutex m; int x; bool c;
void f() {
  if (c) m.lock();
  x = 1; /*A*/
  if (c) m.unlock();
}
void g() {
  std::lock_guard<std::mutex> l(m);
  if (c) return;
  x = 2; /*B*/
}
int main() { f(); g(); }
)";
  EXPECT_EQ(locks(code, "x", "/*A*/"), "{}"); // held on one path only
  EXPECT_EQ(locks(code, "x", "/*B*/"), "m");
}

TEST(Lockset, UniqueLockUnlockRelockDeferAndTry) {
  const std::string code = R"(
std::mutex m; int x;
void f() {
  std::unique_lock<std::mutex> lk(m);
  x = 1; /*A*/
  lk.unlock();
  x = 2; /*B*/
  lk.lock();
  x = 3; /*C*/
}
void g() {
  std::unique_lock<std::mutex> lk(m, std::defer_lock);
  x = 4; /*D*/
  lk.lock();
  x = 5; /*E*/
}
void h() {
  if (m.try_lock()) { x = 6; /*F*/ m.unlock(); }
  std::unique_lock<std::mutex> lk(m, std::try_to_lock);
  if (lk.owns_lock()) x = 7; /*G*/
}
int main() { f(); g(); h(); }
)";
  EXPECT_EQ(locks(code, "x", "/*A*/"), "m");
  EXPECT_EQ(locks(code, "x", "/*B*/"), "{}");
  EXPECT_EQ(locks(code, "x", "/*C*/"), "m");
  EXPECT_EQ(locks(code, "x", "/*D*/"), "{}");
  EXPECT_EQ(locks(code, "x", "/*E*/"), "m");
  EXPECT_EQ(locks(code, "x", "/*F*/"), "m");
  EXPECT_EQ(locks(code, "x", "/*G*/"), "m");
}

TEST(Lockset, ScopedLockSharedLockAndMoves) {
  const std::string code = R"(
std::mutex a, b; std::shared_mutex rw; int x;
void f() {
  std::scoped_lock l(a, b);
  x = 1; /*A*/
}
void g() {
  std::shared_lock<std::shared_mutex> r(rw);
  int y = x; /*B*/ (void)y;
}
void h() {
  std::unique_lock<std::mutex> l1(a);
  std::unique_lock<std::mutex> l2(std::move(l1));
  x = 3; /*C*/
}
int main() { f(); g(); h(); }
)";
  EXPECT_EQ(locks(code, "x", "/*A*/"), "a,b");
  EXPECT_EQ(locks(code, "x", "/*B*/"), "rw(shared)");
  EXPECT_EQ(locks(code, "x", "/*C*/"), "a");
}

TEST(Lockset, PthreadAndCallees) {
  const std::string code = R"(
pthread_mutex_t pm = PTHREAD_MUTEX_INITIALIZER; int x;
pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
void touch() { x = 1; /*A*/ }
void lockIt() { pthread_mutex_lock(&pm); }
void unlockIt() { pthread_mutex_unlock(&pm); }
int main() {
  pthread_mutex_lock(&pm);
  touch();
  pthread_mutex_unlock(&pm);
  lockIt();
  x = 2; /*B*/
  unlockIt();
  pthread_rwlock_rdlock(&rw);
  int y = x; /*C*/ (void)y;
  pthread_rwlock_unlock(&rw);
}
)";
  EXPECT_EQ(locks(code, "x", "/*A*/"), "pm");
  EXPECT_EQ(locks(code, "x", "/*B*/"), "pm");
  EXPECT_EQ(locks(code, "x", "/*C*/"), "rw(shared)");
}

TEST(Lockset, FieldLocksAndAnnotations) {
  const std::string code = R"(
#define CAP(x) __attribute__((capability(x)))
#define REQUIRES(...) __attribute__((requires_capability(__VA_ARGS__)))
#define ACQUIRE(...) __attribute__((acquire_capability(__VA_ARGS__)))
#define RELEASE(...) __attribute__((release_capability(__VA_ARGS__)))
struct CAP("mutex") Mu { void lock() ACQUIRE(); void unlock() RELEASE(); };
struct Account {
  std::mutex mu_; Mu m2_; int balance_ = 0;
  void deposit(int v) { std::lock_guard<std::mutex> g(mu_); balance_ += v; /*A*/ }
  void addLocked(int v) REQUIRES(mu_) { balance_ += v; /*B*/ }
  void viaAnnotated() { m2_.lock(); balance_ = 0; /*C*/ m2_.unlock(); }
};
int main() { Account a; a.deposit(1); a.viaAnnotated(); }
)";
  EXPECT_EQ(locks(code, "Account::balance_", "/*A*/"), "Account::mu_");
  EXPECT_EQ(locks(code, "Account::balance_", "/*B*/"), "-"); // not reached from main
  EXPECT_EQ(locks(code, "Account::balance_", "/*C*/"), "Account::m2_");
}

TEST(Lockset, C11Mutex) {
  const std::string code = R"(
#include <threads.h>
mtx_t m; int x;
int main(void) {
  mtx_lock(&m);
  x = 1; /*A*/
  mtx_unlock(&m);
  return 0;
}
)";
  LintRun r = analyzeCode(code, true);
  ASSERT_TRUE(r.parsed) << r.errors;
  EXPECT_EQ(r.locksAt("x", lineOf(code, "/*A*/")), "m");
}

} // namespace
