// joinable-thread-destroyed decided on hand-built thread-object facts.
#include "../../checks/JoinableThreadDestroyedCheck.h"
#include "Facts.h"
#include "Snippets.h"

#include <gtest/gtest.h>

using namespace weft::analyzer;
using namespace weft::analyzer::test;

namespace {

AnalysisResult with(std::vector<ThreadObjectFact> facts) {
  AnalysisResult r = withContexts(0);
  FunctionFacts f;
  f.threadObjects = std::move(facts);
  r.functions.push_back(f);
  return r;
}

TEST(JoinableThreadDestroyedCheck, DestroyedWhileMaybeJoinable) {
  auto out = findings<JoinableThreadDestroyedCheck>(
      with({{ThreadObjectFact::Destroyed, "t", true, at(9), at(4)}}));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].variable, "t");
  ASSERT_EQ(out[0].related.size(), 1u);
  EXPECT_EQ(out[0].related[0].location.line, 4) << "where it was declared";
}

TEST(JoinableThreadDestroyedCheck, JoinedOrDetachedIsFine) {
  EXPECT_TRUE(findings<JoinableThreadDestroyedCheck>(
                  with({{ThreadObjectFact::Destroyed, "t", false, at(9), at(4)}}))
                  .empty());
}

TEST(JoinableThreadDestroyedCheck, MoveAssignedOverAJoinableThread) {
  auto out = findings<JoinableThreadDestroyedCheck>(
      with({{ThreadObjectFact::Reassigned, "t", true, at(7), {}}}));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_NE(out[0].message.find("move-assigned"), std::string::npos);
}

// ---- on small programs -------------------------------------------------------------------

TEST(JoinableThreadDestroyedCheckSnippets, EarlyReturnWithoutJoin) {
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

} // namespace
