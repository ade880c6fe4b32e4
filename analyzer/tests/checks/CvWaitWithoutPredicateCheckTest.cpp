// cv-wait-without-predicate decided on hand-built wait facts, including wait wrappers whose
// callers are the waits that need a loop.
#include "../../checks/CvWaitWithoutPredicateCheck.h"
#include "Facts.h"
#include "Snippets.h"

#include <gtest/gtest.h>

using namespace weft::analyzer;
using namespace weft::analyzer::test;

namespace {

AnalysisResult waitIn(WaitFact w, bool called = false,
                      std::vector<weft::report::Location> calls = {}) {
  AnalysisResult r = withContexts(0);
  FunctionFacts f;
  f.name = f.shortName = "Wait";
  f.waits = {std::move(w)};
  f.called = called;
  f.callsOutsideLoops = std::move(calls);
  r.functions.push_back(f);
  return r;
}

TEST(CvWaitWithoutPredicateCheck, BareWaitOutsideALoop) {
  auto out = findings<CvWaitWithoutPredicateCheck>(waitIn({"cv", false, false, at(5)}));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].variable, "cv");
  EXPECT_EQ(out[0].location.line, 5);
}

TEST(CvWaitWithoutPredicateCheck, PredicateOrLoopIsFine) {
  EXPECT_TRUE(findings<CvWaitWithoutPredicateCheck>(waitIn({"cv", true, false, at(5)})).empty());
  EXPECT_TRUE(findings<CvWaitWithoutPredicateCheck>(waitIn({"cv", false, true, at(5)})).empty());
}

TEST(CvWaitWithoutPredicateCheck, WrapperCalledOnlyInLoopsIsFine) {
  EXPECT_TRUE(
      findings<CvWaitWithoutPredicateCheck>(waitIn({"cv", false, false, at(5)}, true)).empty());
}

TEST(CvWaitWithoutPredicateCheck, WrapperCalledOutsideALoopIsReportedAtTheCall) {
  auto out = findings<CvWaitWithoutPredicateCheck>(
      waitIn({"cv", false, false, at(5)}, true, {at(40, "main.cpp")}));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].location.file, "main.cpp");
  EXPECT_EQ(out[0].location.line, 40);
  ASSERT_EQ(out[0].related.size(), 1u);
  EXPECT_EQ(out[0].related[0].location.line, 5) << "the wait inside the wrapper";
}

// ---- on small programs -------------------------------------------------------------------

TEST(CvWaitWithoutPredicateCheckSnippets, BareWaitAndTheFixes) {
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

} // namespace
