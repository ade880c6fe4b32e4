// Merging reports: input order kept, duplicates (by fingerprint) dropped, the first one wins.
#include "SampleReports.h"

#include "weft/report/Fingerprint.h"
#include "weft/report/Merge.h"

#include <gtest/gtest.h>

namespace weft::report {
namespace {

TEST(Merge, KeepsEachNoteOnce) {
  Report a = testing::lintSample(), b = testing::lintSample();
  a.notes = {"cycle a -> b cut"};
  b.notes = {"cycle a -> b cut", "cycle c -> d cut"};
  EXPECT_EQ(merge({a, b}).notes,
            (std::vector<std::string>{"cycle a -> b cut", "cycle c -> d cut"}));
}

TEST(Merge, ConcatenatesInInputOrder) {
  Report lint = testing::lintSample(), run = testing::runSample();
  lint.tool_errors = {"src/broken.cpp: parse error"};
  run.tool_errors = {"timeout in run 3"};
  Report m = merge({lint, run});
  EXPECT_EQ(m.command, "report");
  ASSERT_EQ(m.findings.size(), 4u);
  EXPECT_EQ(m.findings[0].message, lint.findings[0].message);
  EXPECT_EQ(m.findings[1].message, lint.findings[1].message);
  EXPECT_EQ(m.findings[2].message, run.findings[0].message);
  EXPECT_EQ(m.findings[3].message, run.findings[1].message);
  EXPECT_EQ(m.tool_errors,
            (std::vector<std::string>{"src/broken.cpp: parse error", "timeout in run 3"}));
  EXPECT_EQ(m.inputs.size(), lint.inputs.size() + run.inputs.size());
  EXPECT_EQ(m.root, lint.root);
  EXPECT_FALSE(m.exploration);
  for (const Finding &f : m.findings)
    EXPECT_EQ(f.fingerprint, fingerprint(f));
}

TEST(Merge, DropsDuplicatesFirstWins) {
  Report a = testing::runSample(), b = testing::runSample();
  b.findings[0].message = "the same race, found by another schedule";
  b.findings[0].schedule->seed = 99;
  b.findings[0].location.line = 40; // an unrelated edit moved it
  Finding extra = b.findings[0];
  extra.variable = "other";
  b.findings.push_back(extra);
  std::vector<std::pair<size_t, size_t>> origins;
  Report m = merge({a, b}, &origins);
  ASSERT_EQ(m.findings.size(), 3u);
  EXPECT_EQ(m.findings[0].schedule->seed, 42u);
  EXPECT_EQ(m.findings[2].variable, "other");
  EXPECT_EQ(origins, (std::vector<std::pair<size_t, size_t>>{{0, 0}, {0, 1}, {1, 2}}));
  // Two runs of one program name it once.
  EXPECT_EQ(m.inputs, a.inputs);
}

TEST(Merge, DuplicatesWithinOneInputAreDroppedToo) {
  Report a = testing::lintSample();
  a.findings.push_back(a.findings[0]);
  EXPECT_EQ(merge({a}).findings.size(), 2u);
}

TEST(Merge, KeepsGivenFingerprints) {
  Report a = testing::lintSample(), b = testing::lintSample();
  a.findings[0].fingerprint = "00000000000000aa";
  b.findings[1].fingerprint = "00000000000000aa"; // different bug, same stored print: a duplicate
  Report m = merge({a, b});
  EXPECT_EQ(m.findings.size(), 3u);
}

TEST(Merge, NothingGivesAnEmptyReport) {
  Report m = merge({});
  EXPECT_EQ(m.command, "report");
  EXPECT_TRUE(m.findings.empty());
}

} // namespace
} // namespace weft::report
