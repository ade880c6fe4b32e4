// Virtual and indirect calls whose target the translation unit states (CallTargets.h): the
// target's accesses and locks are seen as if it were called directly.
#include "TestSupport.h"

#include <gtest/gtest.h>

using namespace weft::analyzer::test;

namespace {

const std::string kPrelude = R"(
#include <functional>
#include <mutex>
#include <thread>
int counter;
std::mutex m;
struct Base { virtual ~Base() = default; virtual void run() = 0; };
)";

LintRun lint(const std::string &body) { return analyzeValidCode(kPrelude + body); }

TEST(CallTargets, VirtualCallOnAPointerToAKnownObject) {
  LintRun r = lint(R"(
struct Worker : Base { void run() override { counter++; } };
void onStack() { Worker w; Base *b = &w; b->run(); }
void onHeap() { Base *b = new Worker; b->run(); delete b; }
int main() { std::thread t(onStack), u(onHeap); t.join(); u.join(); }
)");
  EXPECT_TRUE(r.has("data-race", "counter"));
}

TEST(CallTargets, VirtualCallOnAReferenceToAKnownObject) {
  const std::string code = kPrelude + R"(
struct Worker final : Base {
  void run() override { std::lock_guard<std::mutex> g(m); counter++; /*LOCKED*/ }
};
void work() { Worker w; Base &b = w; b.run(); }
void unlocked() { counter++; }
int main() { std::thread t(work), u(unlocked); t.join(); u.join(); }
)";
  LintRun r = analyzeValidCode(code);
  // Worker::run's locked increment is seen (under m) against the unlocked one.
  EXPECT_TRUE(r.has("data-race", "counter"));
  EXPECT_EQ(r.locksAt("counter", lineOf(code, "/*LOCKED*/")), "m");
}

TEST(CallTargets, StdFunctionFromALambda) {
  LintRun bad = lint(R"(
int main() {
  std::function<void()> f = [] { counter++; };
  std::thread t([&f] { f(); }), u([&f] { f(); });
  t.join(); u.join();
}
)");
  EXPECT_TRUE(bad.has("data-race", "counter"));
  LintRun good = lint(R"(
int main() {
  std::function<void()> f = [] { std::lock_guard<std::mutex> g(m); counter++; };
  std::thread t([&f] { f(); }), u([&f] { f(); });
  t.join(); u.join();
}
)");
  EXPECT_TRUE(good.findings.empty()) << good.findings.front().message;
}

TEST(CallTargets, FunctionPointerAndStdFunctionFromAFunction) {
  LintRun r = lint(R"(
void bump() { counter++; }
void (*fp)() = bump;
std::function<void()> fn = &bump;
int main() { std::thread t([] { fp(); }), u([] { fn(); }); t.join(); u.join(); }
)");
  EXPECT_TRUE(r.has("data-race", "counter"));
}

} // namespace
