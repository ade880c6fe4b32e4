// Each check, positive and negative, on small programs.
#include "TestSupport.h"

#include <gtest/gtest.h>

using namespace weft::analyzer::test;

namespace {

const std::string kPrelude = R"(
#include <condition_variable>
#include <mutex>
#include <shared_mutex>
#include <thread>
#include <atomic>
)";

LintRun lint(const std::string &body) { return analyzeValidCode(kPrelude + body); }

TEST(DataRaceCheck, UnprotectedCounterAndTheFix) {
  LintRun bad = lint(R"(
int counter;
void work() { for (int i = 0; i < 10; ++i) counter++; }
int main() { std::thread a(work), b(work); a.join(); b.join(); }
)");
  ASSERT_EQ(bad.of("data-race").size(), 1u); // one finding, however many iterations
  const auto &f = bad.of("data-race").front();
  EXPECT_EQ(f.variable, "counter");
  EXPECT_FALSE(f.related.empty());
  EXPECT_FALSE(f.location.file.empty());
  LintRun good = lint(R"(
int counter; std::mutex m; std::atomic<int> hits; thread_local int mine; const int limit = 3;
void work() { std::lock_guard<std::mutex> g(m); counter++; hits++; mine++; (void)limit; }
int main() { std::thread a(work), b(work); a.join(); b.join(); }
)");
  EXPECT_TRUE(good.findings.empty());
}

TEST(DataRaceCheck, ReaderLocksOnlyProtectReads) {
  LintRun r = lint(R"(
std::shared_mutex rw; int value;
void reader() { std::shared_lock<std::shared_mutex> l(rw); int v = value; (void)v; }
void badWriter() { std::shared_lock<std::shared_mutex> l(rw); value = 1; }
int main() { std::thread a(reader), b(badWriter); a.join(); b.join(); }
)");
  EXPECT_TRUE(r.has("data-race", "value"));
}

TEST(DataRaceCheck, ContainersAndCallOnce) {
  LintRun r = lint(R"(
#include <vector>
std::vector<int> items; std::once_flag once; int config;
void work() { items.push_back(1); std::call_once(once, [] { config = 1; }); int c = config; (void)c; }
int main() { std::thread a(work), b(work); a.join(); b.join(); }
)");
  EXPECT_TRUE(r.has("data-race", "items"));
  EXPECT_FALSE(r.has("data-race", "config"));
}

// A release fence before a relaxed store and an acquire fence after the relaxed load publish like a
// release store / acquire load; either fence alone does not.
TEST(DataRaceCheck, FencesAroundRelaxedAtomicsPublish) {
  auto program = [](const char *writerFence, const char *readerFence) {
    return std::string(R"(
int payload; std::atomic<bool> ready;
void writer() { payload = 1; )") +
           writerFence + R"( ready.store(true, std::memory_order_relaxed); }
void reader() { if (ready.load(std::memory_order_relaxed)) { )" +
           readerFence + R"( int v = payload; (void)v; } }
int main() { std::thread a(writer), b(reader); a.join(); b.join(); }
)";
  };
  const char *rel = "std::atomic_thread_fence(std::memory_order_release);";
  const char *acq = "std::atomic_thread_fence(std::memory_order_acquire);";
  EXPECT_FALSE(lint(program(rel, acq)).has("data-race", "payload"));
  EXPECT_TRUE(lint(program(rel, "")).has("data-race", "payload"));
  EXPECT_TRUE(lint(program("", acq)).has("data-race", "payload"));
}

TEST(LockOrderInversionCheck, OppositeOrdersAndScopedLock) {
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

TEST(DoubleLockCheck, DirectAndThroughCallee) {
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

TEST(DoubleLockCheck, PthreadMutexMadeRecursive) {
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

TEST(UnlockNotHeldCheck, UnlockWithoutLock) {
  LintRun bad = lint("std::mutex m;\nint main() { m.lock(); m.unlock(); m.unlock(); }\n");
  EXPECT_EQ(bad.of("unlock-not-held").size(), 1u);
  LintRun good = lint("std::mutex m;\nint main() { m.lock(); m.unlock(); }\n");
  EXPECT_TRUE(good.findings.empty());
}

TEST(LockLeakCheck, EarlyReturnKeepsTheLock) {
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

TEST(CvWaitWithoutPredicateCheck, BareWaitAndTheFixes) {
  LintRun bad = lint(R"(
std::mutex m; std::condition_variable cv; bool ready;
int main() { std::unique_lock<std::mutex> l(m); cv.wait(l); }
)");
  EXPECT_EQ(bad.of("cv-wait-without-predicate").size(), 1u);
  LintRun good = lint(R"(
std::mutex m; std::condition_variable cv; bool ready;
int main() {
  std::unique_lock<std::mutex> l(m);
  cv.wait(l, [] { return ready; });
  while (!ready) cv.wait(l);
}
)");
  EXPECT_TRUE(good.of("cv-wait-without-predicate").empty());
}

TEST(JoinableThreadDestroyedCheck, EarlyReturnWithoutJoin) {
  LintRun bad = lint(R"(
void work() {}
int main(int argc, char **) { std::thread t(work); if (argc > 1) return 1; t.join(); return 0; }
)");
  EXPECT_EQ(bad.of("joinable-thread-destroyed").size(), 1u);
  LintRun good = lint(R"(
void work() {}
int main() { std::thread t(work); if (t.joinable()) t.join(); std::thread u(work); u.detach(); }
)");
  EXPECT_TRUE(good.of("joinable-thread-destroyed").empty());
}

TEST(DetachedThreadCapturesLocalCheck, ByReferenceAndByValue) {
  LintRun bad = lint(R"(
int main() { int local = 0; std::thread([&local] { local++; }).detach(); }
)");
  ASSERT_EQ(bad.of("detached-thread-captures-local").size(), 1u);
  EXPECT_EQ(bad.of("detached-thread-captures-local").front().variable, "local");
  LintRun good = lint(R"(
int main() { int local = 0; std::thread([local] { (void)local; }).detach(); }
)");
  EXPECT_TRUE(good.of("detached-thread-captures-local").empty());
}

} // namespace
