// Golden text for the clang-style view.
#include "SampleReports.h"

#include "weft/report/TextWriter.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace weft::report {
namespace {

namespace fs = std::filesystem;

/// A checkout with the sample's sources, so the writer can line the caret up with the column.
class TextWithSources : public ::testing::Test {
protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("weft-report-text-" + std::to_string(::getpid()));
    fs::create_directories(root_ / "src");
    std::vector<std::string> bank(30, "");
    bank[11] = "    balance_ += amount;";
    bank[19] = "  std::lock_guard g2(to.m);";
    bank[26] = "  std::lock_guard g2(from.m);";
    bank[29] = "    return balance_;";
    write("src/bank.cpp", bank);
    std::vector<std::string> main(8, "");
    main[6] = "  std::thread d(deposit);";
    main[7] = "  std::thread t(audit);";
    write("src/main.cpp", main);
  }
  void TearDown() override { fs::remove_all(root_); }
  void write(const std::string &name, const std::vector<std::string> &lines) {
    std::ofstream out(root_ / name);
    for (const std::string &l : lines)
      out << l << "\n";
  }
  fs::path root_;
};

TEST_F(TextWithSources, LintReport) {
  Report report = testing::lintSample();
  report.root = root_.string();
  EXPECT_EQ(
      toText(report),
      R"(src/bank.cpp:12:5: warning: 'Account::balance_' is written here without a lock and read in another thread [weft-data-race]
   12 |     balance_ += amount;
      |     ^
src/bank.cpp:30:12: note: read in thread entry 'audit' without a lock
   30 |     return balance_;
      |            ^
src/main.cpp:8:15: note: thread started here
    8 |   std::thread t(audit);
      |               ^
src/main.cpp:7:15: note: thread deposit created here
    7 |   std::thread d(deposit);
      |               ^

src/bank.cpp:20:3: warning: mutexes 'a.m' and 'b.m' are locked in opposite orders [weft-lock-order-inversion]
   20 |   std::lock_guard g2(to.m);
      |   ^
src/bank.cpp:27:3: note: 'b.m' then 'a.m' here
   27 |   std::lock_guard g2(from.m);
      |   ^

2 findings (1 data-race, 1 lock-order-inversion)
)");
}

TEST_F(TextWithSources, EditedSourceShowsTheSnippetWithoutCaret) {
  Report report = testing::lintSample();
  report.root = root_.string();
  write("src/bank.cpp", {"int x;"});
  std::string text = toText(report);
  EXPECT_NE(text.find("   12 | balance_ += amount;\n"
                      "src/bank.cpp:30:12: note:"),
            std::string::npos)
      << text;
}

// Without the sources (the root does not exist here) the trimmed snippets show without carets.
TEST(TextWriter, RunReportWithStacksThreadsAndReplayCommand) {
  TextOptions options;
  options.reportPath = "out/run.json";
  EXPECT_EQ(
      toText(testing::runSample(), options),
      R"(src/counter.cpp:9:13: error: data race on 'counter': write by T2 after read by T1 [weft-data-race]
    9 | counter = counter + 1;
    #0 work() src/counter.cpp:9:13 (/src/counter dir/counter+0x1240)
    ... 1 frame in system libraries
src/counter.cpp:9:15: note: previous read by thread T1
    9 | counter = counter + 1;
    #0 work() src/counter.cpp:9:15 (/src/counter dir/counter+0x1234)
note: thread main is blocked in pthread_join(T1)
    #0 main src/counter.cpp:16:5 (/src/counter dir/counter+0x1300)
src/counter.cpp:14:15: note: thread T1 created here (now running)
   14 | std::thread a(work);
src/counter.cpp:15:15: note: thread T2 created here (now running)
   15 | std::thread b(work);
note: found by pct with seed 42 in run 16 (7 scheduling steps)
note: replay with: weft replay out/run.json --finding 0 -- ./counter --name 'two words'

src/counter.cpp:22:3: error: deadlock: T1 and T2 each wait for a mutex the other holds [weft-deadlock]
   22 | m2.lock();
src/counter.cpp:30:15: note: thread T1 created here (now blocked in pthread_mutex_lock(&m2))
    #0 left() src/counter.cpp:22:3 (/src/counter dir/counter+0x1400)
src/counter.cpp:31:15: note: thread T2 created here (now blocked in pthread_mutex_lock(&m1))
    #0 right() src/counter.cpp:26:3 (/src/counter dir/counter+0x1480)
note: found by pct with seed 42 in run 16 (5 scheduling steps)
note: replay with: weft replay out/run.json --finding 1 -- ./counter --name 'two words'

2 findings (1 data-race, 1 deadlock)
)");
}

TEST(TextWriter, NoFindings) { EXPECT_EQ(toText(Report{}), "no findings\n"); }

TEST(TextWriter, ToolErrorsAreListedAndCounted) {
  Report r;
  r.tool_errors = {"src/a.cpp: cannot parse"};
  EXPECT_EQ(toText(r), "error: src/a.cpp: cannot parse\n\nno findings, 1 tool error\n");
}

TEST(TextWriter, NotesAreListedButNotCounted) {
  Report r;
  r.notes = {"cycle a -> b cut"};
  EXPECT_EQ(toText(r), "note: cycle a -> b cut\nno findings\n");
}

TEST(TextWriter, OneFindingIsSingular) {
  EXPECT_EQ(
      toText(testing::minimalSample()),
      "a.cpp: warning: 'm' is locked twice [weft-double-lock]\n\n1 finding (1 double-lock)\n");
}

TEST(TextWriter, CaretFollowsTabsAndIsOmittedWhenColumnIsPastTheSnippet) {
  Report r = testing::minimalSample();
  r.findings[0].location = {"a.cpp", 3, 3, "\t\tm.lock();"};
  EXPECT_NE(toText(r).find("    3 | \t\tm.lock();\n      | \t\t^\n"), std::string::npos)
      << toText(r);
  r.findings[0].location = {"a.cpp", 3, 40, "m.lock();"};
  EXPECT_EQ(toText(r).find('^'), std::string::npos);
}

TEST(TextWriter, ColorUsesClangColours) {
  TextOptions options;
  options.color = true;
  std::string text = toText(testing::minimalSample(), options);
  EXPECT_NE(text.find("\033[1;35mwarning:\033[0m"), std::string::npos) << text;
}

TEST(TextWriter, ReplaySourcesPointAtTheOriginalFile) {
  Report r = testing::runSample();
  r.command = "report";
  TextOptions options;
  EXPECT_EQ(replayCommand(r, 1, options), "weft replay REPORT.json --finding 1 -- PROGRAM ARGS...");
  options.replaySources = {{"a.json", 3, {"./prog", "x y"}}, {"b.json", 0, {}}};
  EXPECT_EQ(replayCommand(r, 0, options), "weft replay a.json --finding 3 -- ./prog 'x y'");
  EXPECT_EQ(replayCommand(r, 1, options), "weft replay b.json --finding 0 -- PROGRAM ARGS...");
}

TEST(TextWriter, ShellQuotingOfQuotes) {
  Report r = testing::runSample();
  r.inputs = {"./p", "it's", ""};
  EXPECT_EQ(replayCommand(r, 0, {}), "weft replay REPORT.json --finding 0 -- ./p 'it'\\''s' ''");
}

} // namespace
} // namespace weft::report
