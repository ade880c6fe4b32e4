// detached-thread-captures-local decided on hand-built detach facts and thread sites.
#include "../../checks/DetachedThreadCapturesLocalCheck.h"
#include "Facts.h"
#include "Snippets.h"

#include <gtest/gtest.h>

using namespace weft::analyzer;
using namespace weft::analyzer::test;

namespace {

AnalysisResult detachOf(std::vector<std::pair<std::string, weft::report::Location>> locals) {
  AnalysisResult r = withContexts(1);
  ThreadSite site;
  site.id = 0;
  site.loc = at(5);
  site.localsByRef = std::move(locals);
  r.sites.push_back(site);
  FunctionFacts f;
  f.detaches.push_back({0, at(6)});
  r.functions.push_back(f);
  return r;
}

TEST(DetachedThreadCapturesLocalCheck, OneFindingPerCapturedLocal) {
  auto out = findings<DetachedThreadCapturesLocalCheck>(detachOf({{"buf", at(5)}, {"n", at(5)}}));
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].variable, "buf");
  EXPECT_EQ(out[0].location.line, 6) << "at the detach";
  EXPECT_EQ(out[0].related.size(), 2u) << "the capture and the creation";
}

TEST(DetachedThreadCapturesLocalCheck, NothingCapturedIsFine) {
  EXPECT_TRUE(findings<DetachedThreadCapturesLocalCheck>(detachOf({})).empty());
}

// ---- on small programs -------------------------------------------------------------------

TEST(DetachedThreadCapturesLocalCheckSnippets, ByReferenceAndByValue) {
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
