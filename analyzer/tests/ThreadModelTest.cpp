// Thread model: every way of starting a thread, self-parallel entries, create/join ordering.
#include "TestSupport.h"

#include <gtest/gtest.h>

using namespace weft::analyzer::test;

namespace {

const std::string kPrelude = R"(
#include <future>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>
#include <pthread.h>
)";

LintRun lint(const std::string &body) { return analyzeValidCode(kPrelude + body); }

TEST(ThreadModel, EachWayOfStartingAThread) {
  LintRun r = lint(R"(
int a, b, c, d, e, f;
void fn() { a++; }
struct Functor { void operator()() { b++; } };
struct Obj { int g = 0; void run() { g++; } };
void *pfn(void *) { c++; return nullptr; }
int main() {
  std::thread t1(fn);
  std::thread t2(Functor{});
  std::thread t3([] { d++; });
  Obj o;
  std::thread t4(&Obj::run, &o);
  pthread_t p;
  pthread_create(&p, nullptr, pfn, nullptr);
  auto fut = std::async(std::launch::async, [] { e++; });
  std::jthread j([] { f++; });
  a++; b++; c++; d++; e++; f++; o.g++;
  t1.join(); t2.join(); t3.join(); t4.join(); pthread_join(p, nullptr); fut.get();
}
)");
  for (const char *v : {"a", "b", "c", "d", "e", "f", "Obj::g"})
    EXPECT_TRUE(r.has("data-race", v)) << v;
}

TEST(ThreadModel, StartRoutinesCastToFit) {
  // C pools start `void *work(struct pool *)` cast to the type pthread_create takes, or to
  // `void *` (old C).
  LintRun r = lint(R"(
struct pool { int a, b; };
void *work_a(pool *p) { p->a++; return nullptr; }
void *work_b(pool *p) { p->b++; return nullptr; }
int main() {
  static pool shared;
  pthread_t t1, t2;
  pthread_create(&t1, nullptr, (void *(*)(void *))work_a, &shared);
  pthread_create(&t2, nullptr, reinterpret_cast<void *(*)(void *)>((void *)work_b), &shared);
  shared.a++; shared.b++;
  pthread_join(t1, nullptr); pthread_join(t2, nullptr);
}
)");
  EXPECT_TRUE(r.has("data-race", "pool::a"));
  EXPECT_TRUE(r.has("data-race", "pool::b"));
}

TEST(ThreadModel, BeforeCreateAndAfterJoinAreNotParallel) {
  LintRun r = lint(R"(
int x;
void work() { x++; }
int main() {
  x = 1;
  std::thread t(work);
  t.join();
  x = 2;
  std::vector<std::thread> ts;
  for (int i = 0; i < 1; ++i) ts.emplace_back(work);
  for (auto &th : ts) th.join();
  return x;
}
)");
  // One thread at a time, and main only touches x outside the threads' lifetimes... but the
  // loop may create several threads of `work` at once: they race with each other.
  EXPECT_TRUE(r.has("data-race", "x"));
  LintRun single = lint(R"(
int x;
void work() { x++; }
int main() {
  x = 1;
  std::thread t(work);
  t.join();
  x = 2;
  std::thread u(work);
  u.join();
  return x;
}
)");
  EXPECT_TRUE(single.findings.empty());
}

TEST(ThreadModel, SpawnerRacesBetweenCreateAndJoin) {
  LintRun r = lint(R"(
int x;
void work() { x++; }
int main() {
  std::thread t(work);
  x = 5;
  t.join();
}
)");
  ASSERT_TRUE(r.has("data-race", "x"));
  EXPECT_FALSE(r.of("data-race").front().threads.empty());
}

TEST(ThreadModel, ThreadsStoredInAMemberRunUntilTheEnd) {
  LintRun r = lint(R"(
struct Pool {
  std::vector<std::thread> workers;
  int done = 0;
  void start() { workers.emplace_back([this] { done++; }); }
  void stop() { for (auto &w : workers) w.join(); }
};
int main() {
  Pool p;
  p.start();
  p.done = 3;
  p.stop();
}
)");
  EXPECT_TRUE(r.has("data-race", "Pool::done"));
}

TEST(ThreadModel, CapturesByValueAndByReference) {
  LintRun r = lint(R"(
int main() {
  int byRef = 0, byVal = 0;
  std::thread t([&byRef, byVal]() mutable { byRef++; byVal++; });
  byRef++; byVal++;
  t.join();
  int viaRef = 0;
  std::thread u([](int &v) { v++; }, std::ref(viaRef));
  viaRef++;
  u.join();
}
)");
  EXPECT_TRUE(r.has("data-race", "byRef"));
  EXPECT_FALSE(r.has("data-race", "byVal"));
  EXPECT_TRUE(r.has("data-race", "viaRef"));
}

TEST(ThreadModel, DistinctObjectsDoNotRace) {
  LintRun r = lint(R"(
struct W { int n = 0; void run() { n++; } };
int main() {
  W a, b;
  std::thread t1(&W::run, &a);
  std::thread t2(&W::run, &b);
  t1.join(); t2.join();
}
)");
  EXPECT_TRUE(r.findings.empty());
}

} // namespace
