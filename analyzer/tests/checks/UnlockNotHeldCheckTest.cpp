// unlock-not-held decided on hand-built facts: unlocked twice, a thread entry unlocking what
// nobody holds, a guard that does not own its mutex.
#include "../../checks/UnlockNotHeldCheck.h"
#include "Facts.h"
#include "Snippets.h"

#include <gtest/gtest.h>

using namespace weft::analyzer;
using namespace weft::analyzer::test;

namespace {

SAcquire unlockOf(const std::string &name, int line, bool releasedBefore) {
  SAcquire a;
  a.lock = held(name, line);
  a.release = true;
  a.releasedBefore = releasedBefore;
  return a;
}

TEST(UnlockNotHeldCheck, UnlockedTwiceInTheFunction) {
  AnalysisResult r = withContexts(0);
  FunctionFacts f;
  f.acquires = {unlockOf("m", 7, true), unlockOf("n", 8, false)};
  r.functions.push_back(f);
  auto out = findings<UnlockNotHeldCheck>(r);
  ASSERT_EQ(out.size(), 1u) << "an unlock of a lock not taken here may be the caller's";
  EXPECT_EQ(out[0].variable, "m");
  EXPECT_NE(out[0].message.find("already unlocked"), std::string::npos);
}

TEST(UnlockNotHeldCheck, ThreadEntryUnlocksWhatNobodyHolds) {
  AnalysisResult r = withContexts(1);
  Acquisition a;
  a.context = 1;
  a.lock = held("m", 30);
  a.release = true;
  a.entry = true;
  r.acquisitions.push_back(a);
  EXPECT_EQ(findings<UnlockNotHeldCheck>(r).size(), 1u);
  r.acquisitions[0].before = {held("m", 25)};
  EXPECT_TRUE(findings<UnlockNotHeldCheck>(r).empty()) << "held before: fine";
  r.acquisitions[0].before.clear();
  r.acquisitions[0].entry = false;
  EXPECT_TRUE(findings<UnlockNotHeldCheck>(r).empty()) << "a callee may unlock its caller's lock";
}

TEST(UnlockNotHeldCheck, GuardThatDoesNotOwnItsMutex) {
  AnalysisResult r = withContexts(0);
  FunctionFacts f;
  f.guardUnlocks = {{"lk", "m", false, at(9)}, {"lk2", "m", true, at(12)}};
  r.functions.push_back(f);
  auto out = findings<UnlockNotHeldCheck>(r);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].location.line, 9);
  EXPECT_NE(out[0].message.find("'lk.unlock()'"), std::string::npos);
}

// ---- on small programs -------------------------------------------------------------------

TEST(UnlockNotHeldCheckSnippets, UnlockWithoutLock) {
  LintRun bad = lint("std::mutex m;\nint main() { m.lock(); m.unlock(); m.unlock(); }\n");
  EXPECT_EQ(bad.of("unlock-not-held").size(), 1u);
  LintRun good = lint("std::mutex m;\nint main() { m.lock(); m.unlock(); }\n");
  EXPECT_TRUE(good.findings.empty());
}

} // namespace
