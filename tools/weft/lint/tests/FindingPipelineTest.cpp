// The driver's whole post-processing plus the baseline on synthetic findings over real files:
// the baseline workflow (line shifts, new findings) without depending on the analyser.
#include "FindingPipeline.h"
#include "Baseline.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace weft::lint {
namespace {

namespace fs = std::filesystem;

class FindingPipeline : public ::testing::Test {
protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("weft-lint-pipeline-" +
             std::to_string(::testing::UnitTest::GetInstance()->current_test_info()->line()));
    fs::create_directories(root_ / "src");
  }
  void TearDown() override { fs::remove_all(root_); }

  std::string write(const std::string &name, const std::string &text) {
    fs::path p = root_ / "src" / name;
    std::ofstream(p) << text;
    return p.string();
  }

  /// A data race at `line` of `file` (absolute), as the analyser reports it: no snippet.
  static report::Finding race(const std::string &file, int line, const std::string &variable) {
    report::Finding f;
    f.rule = "data-race";
    f.variable = variable;
    f.message = "data race on '" + variable + "'";
    f.location = {file, line, 5, ""};
    f.related.push_back({"other access", {file, line, 5, ""}, {}});
    return f;
  }

  std::vector<report::Finding> finish(std::vector<report::Finding> findings,
                                      std::size_t *suppressed = nullptr) {
    report::Report r;
    r.findings = std::move(findings);
    SourceLines sources;
    std::size_t n = finishFindings(r, root_, sources);
    if (suppressed)
      *suppressed = n;
    return r.findings;
  }

  fs::path root_;
};

constexpr const char *kRace = "int counter;\nvoid work() {\n    ++counter;\n}\n";

TEST_F(FindingPipeline, RelativePathsSnippetsAndFingerprints) {
  std::string file = write("race.cpp", kRace);
  auto out = finish({race(file, 3, "counter")});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].location.file, "src/race.cpp");
  EXPECT_EQ(out[0].location.snippet, "++counter;");
  EXPECT_EQ(out[0].related[0].location.file, "src/race.cpp");
  EXPECT_EQ(out[0].fingerprint.size(), 16u);
}

TEST_F(FindingPipeline, NolintCommentsAreCounted) {
  std::string file = write(
      "race.cpp", "int counter;\nvoid work() {\n    ++counter; // NOLINT(weft-data-race)\n}\n");
  std::size_t suppressed = 0;
  EXPECT_TRUE(finish({race(file, 3, "counter")}, &suppressed).empty());
  EXPECT_EQ(suppressed, 1u);
}

TEST_F(FindingPipeline, BaselineSurvivesLineShiftAndCatchesNewFinding) {
  std::string file = write("race.cpp", kRace);
  std::vector<BaselineEntry> baseline =
      parseBaseline(baselineText(finish({race(file, 3, "counter")})), "baseline");
  ASSERT_EQ(baseline.size(), 1u);

  // Comments and blank lines above the old race, and a new race below it.
  write("race.cpp", std::string("// new header comment\n\n\n") + kRace +
                        "long hits;\nvoid visit() {\n    hits += 1;\n}\n");
  auto now = finish({race(file, 6, "counter"), race(file, 10, "hits")});
  ASSERT_EQ(now.size(), 2u);
  EXPECT_EQ(removeBaselined(now, baseline), 1u);
  ASSERT_EQ(now.size(), 1u);
  EXPECT_EQ(now[0].variable, "hits");
}

TEST_F(FindingPipeline, SameHeaderFindingFromTwoUnitsIsOne) {
  std::string header = write("shared.h", kRace);
  auto out = finish({race(header, 3, "counter"), race(header, 3, "counter")});
  EXPECT_EQ(out.size(), 1u);
}

} // namespace
} // namespace weft::lint
