// Snippets, relative paths, ordering and de-duplication on synthetic findings.
#include "FindingPostprocess.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace weft::lint {
namespace {

report::Finding finding(std::string file, int line, int column, std::string rule = "data-race",
                        std::string variable = "counter") {
  report::Finding f;
  f.rule = std::move(rule);
  f.variable = std::move(variable);
  f.message = "data race on '" + f.variable + "'";
  f.location = {std::move(file), line, column, ""};
  return f;
}

TEST(FindingPostprocess, RelativeToRoot) {
  EXPECT_EQ(relativeToRoot("/work/p/src/a.cpp", "/work/p"), "src/a.cpp");
  EXPECT_EQ(relativeToRoot("/work/p/src/../inc/a.h", "/work/p/"), "inc/a.h");
  EXPECT_EQ(relativeToRoot("/usr/include/c++/12/mutex", "/work/p"), "/usr/include/c++/12/mutex");
  EXPECT_EQ(relativeToRoot("/work/project/a.cpp", "/work/p"), "/work/project/a.cpp");
  EXPECT_EQ(relativeToRoot("", "/work/p"), "");
}

TEST(FindingPostprocess, MakePathsRelativeCoversEveryLocation) {
  report::Finding f = finding("/r/a.cpp", 1, 1);
  f.related.push_back({"other access", {"/r/b.cpp", 2, 3, ""}, {}});
  report::ThreadInfo t;
  t.created_at = report::Location{"/r/main.cpp", 9, 1, ""};
  f.threads.push_back(t);
  std::vector<report::Finding> all = {f};
  makePathsRelative(all, "/r");
  EXPECT_EQ(all[0].location.file, "a.cpp");
  EXPECT_EQ(all[0].related[0].location.file, "b.cpp");
  EXPECT_EQ(all[0].threads[0].created_at->file, "main.cpp");
}

TEST(FindingPostprocess, FillsOnlyEmptySnippetsTrimmed) {
  SourceLines sources;
  sources.add("/r/a.cpp", "int counter;\n\t  counter++;  \n");
  report::Finding f = finding("/r/a.cpp", 2, 3);
  f.related.push_back({"other", {"/r/a.cpp", 1, 1, "kept as is"}, {}});
  f.related.push_back({"other", {"/r/a.cpp", 1, 1, ""}, {}});
  f.related.push_back({"nowhere", {"/r/a.cpp", 99, 1, ""}, {}});
  std::vector<report::Finding> all = {f};
  fillSnippets(all, sources);
  EXPECT_EQ(all[0].location.snippet, "counter++;");
  EXPECT_EQ(all[0].related[0].location.snippet, "kept as is");
  EXPECT_EQ(all[0].related[1].location.snippet, "int counter;");
  EXPECT_EQ(all[0].related[2].location.snippet, "");
}

TEST(FindingPostprocess, SortsByFileLineColumnRule) {
  std::vector<report::Finding> all = {
      finding("b.cpp", 1, 1), finding("a.cpp", 10, 1),
      finding("a.cpp", 2, 5), finding("a.cpp", 2, 5, "double-lock"),
      finding("a.cpp", 2, 1),
  };
  sortAndDeduplicate(all);
  ASSERT_EQ(all.size(), 5u);
  EXPECT_EQ(all[0].location.line, 2);
  EXPECT_EQ(all[0].location.column, 1);
  EXPECT_EQ(all[1].rule, "data-race");
  EXPECT_EQ(all[2].rule, "double-lock");
  EXPECT_EQ(all[3].location.line, 10);
  EXPECT_EQ(all[4].location.file, "b.cpp");
}

TEST(FindingPostprocess, HeaderFindingFromTwoTranslationUnitsIsOne) {
  report::Finding fromA = finding("inc/shared.h", 4, 3);
  fromA.related.push_back({"thread created here", {"a.cpp", 10, 1, ""}, {}});
  report::Finding fromB = finding("inc/shared.h", 4, 3);
  fromB.related.push_back({"thread created here", {"b.cpp", 20, 1, ""}, {}});
  std::vector<report::Finding> all = {fromA, finding("a.cpp", 1, 1), fromB};
  sortAndDeduplicate(all);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[1].location.file, "inc/shared.h");
  EXPECT_EQ(all[1].related[0].location.file, "a.cpp"); // the first translation unit's wins
}

TEST(FindingPostprocess, OrderDoesNotDependOnInputOrder) {
  std::vector<report::Finding> all;
  for (int i = 0; i < 30; ++i)
    all.push_back(finding(i % 3 ? "a.cpp" : "b.cpp", i % 7, i % 5, i % 2 ? "data-race" : "x",
                          "v" + std::to_string(i % 4)));
  std::vector<report::Finding> shuffled = all;
  std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937(42));
  sortAndDeduplicate(all);
  sortAndDeduplicate(shuffled);
  EXPECT_EQ(all, shuffled);
}

} // namespace
} // namespace weft::lint
