// Fingerprints follow the bug, not its line number or the schedule that found it.
#include "SampleReports.h"

#include "weft/report/Fingerprint.h"

#include <gtest/gtest.h>

namespace weft::report {
namespace {

Finding race() { return testing::runSample().findings[0]; }

TEST(Fingerprint, IsSixteenLowercaseHexDigits) {
  std::string fp = fingerprint(race());
  ASSERT_EQ(fp.size(), 16u);
  EXPECT_EQ(fp.find_first_not_of("0123456789abcdef"), std::string::npos) << fp;
}

TEST(Fingerprint, SurvivesALineShift) {
  Finding a = race(), b = race();
  b.location.line += 7;
  b.location.column += 4;
  b.related[0].location.line += 7;
  for (StackFrame &f : b.stack)
    f.location.line += 7;
  EXPECT_EQ(fingerprint(a), fingerprint(b));
}

TEST(Fingerprint, SurvivesReindentation) {
  Finding a = race(), b = race();
  b.location.snippet = "\tcounter =  counter + 1;  ";
  EXPECT_EQ(fingerprint(a), fingerprint(b));
}

TEST(Fingerprint, IgnoresScheduleSeedAddressesAndMessage) {
  Finding a = race(), b = race();
  b.schedule->seed = 7;
  b.schedule->strategy = "random";
  b.schedule->choices = {0, 2, 1, 1, 2};
  b.stack[0].offset = 0x9999;
  b.stack[0].module = "/elsewhere/counter";
  b.message = "data race on 'counter': write by T1 after read by T2";
  b.threads.clear();
  EXPECT_EQ(fingerprint(a), fingerprint(b));
}

TEST(Fingerprint, SameBugFromTwoSchedulesMatches) {
  // Two schedules can report the related accesses in a different order.
  Finding a = race(), b = race();
  a.related.push_back(
      {"thread T2 created here", {"src/counter.cpp", 15, 15, "std::thread b(work);"}, {}});
  b.related.insert(
      b.related.begin(),
      {"thread T2 created here", {"src/counter.cpp", 15, 15, "std::thread b(work);"}, {}});
  b.schedule = Schedule{kScheduleVersion, "dfs", 0, 3, {0, 1, 1, 2}, {}};
  EXPECT_EQ(fingerprint(a), fingerprint(b));
}

TEST(Fingerprint, SwappingPrimaryAndRelatedAccessKeepsIt) {
  // Schedule A saw the write in deposit() last, schedule B the read in audit().
  Finding a;
  a.rule = "data-race";
  a.variable = "balance";
  a.location = {"src/bank.cpp", 10, 5, "balance += n;"};
  a.stack = {{"deposit(int)", a.location, "bank", 0x10}};
  a.related = {{"previous read by T2",
                {"src/bank.cpp", 20, 12, "return balance;"},
                {{"audit()", {"src/bank.cpp", 20, 12, ""}, "bank", 0x20}}}};
  Finding b = a;
  std::swap(b.location, b.related[0].location);
  std::swap(b.stack, b.related[0].stack);
  b.related[0].message = "previous write by T1";
  EXPECT_EQ(fingerprint(a), fingerprint(b));
}

TEST(Fingerprint, DiffersForAnotherVariable) {
  Finding a = race(), b = race();
  b.variable = "total";
  EXPECT_NE(fingerprint(a), fingerprint(b));
}

TEST(Fingerprint, DiffersForAnotherRule) {
  Finding a = race(), b = race();
  b.rule = "double-lock";
  EXPECT_NE(fingerprint(a), fingerprint(b));
}

TEST(Fingerprint, DiffersForAnotherFileOrStatementOrFunction) {
  Finding a = race();
  Finding file = a, snippet = a, function = a;
  file.location.file = "src/other.cpp";
  snippet.location.snippet = "counter += 2;";
  function.stack[0].function = "other()";
  EXPECT_NE(fingerprint(a), fingerprint(file));
  EXPECT_NE(fingerprint(a), fingerprint(snippet));
  EXPECT_NE(fingerprint(a), fingerprint(function));
}

TEST(Fingerprint, AssignFillsOnlyEmptyOnes) {
  Report r = testing::lintSample();
  r.findings[1].fingerprint = "0123456789abcdef";
  assignFingerprints(r);
  EXPECT_EQ(r.findings[0].fingerprint, fingerprint(r.findings[0]));
  EXPECT_EQ(r.findings[1].fingerprint, "0123456789abcdef");
}

} // namespace
} // namespace weft::report
