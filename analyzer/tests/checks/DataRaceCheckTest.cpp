// data-race decided on hand-built accesses in thread contexts.
#include "../../checks/DataRaceCheck.h"
#include "Facts.h"

#include <gtest/gtest.h>

using namespace weft::analyzer;
using namespace weft::analyzer::test;

namespace {

Access access(int context, bool write, int line, std::vector<HeldLock> locks = {}) {
  Access a;
  a.obj = global("counter");
  a.write = write;
  a.loc = at(line);
  a.context = context;
  a.locks = std::move(locks);
  a.live = {1, 2};
  return a;
}

AnalysisResult twoThreads(Access a, Access b) {
  AnalysisResult r = withContexts(2);
  r.contexts[2].liveAtCreate = {1};
  r.accesses = {std::move(a), std::move(b)};
  return r;
}

TEST(DataRaceCheck, WriteAndReadInParallelWithoutALock) {
  auto out = findings<DataRaceCheck>(twoThreads(access(1, true, 10), access(2, false, 20)));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].variable, "counter");
  EXPECT_EQ(out[0].location.line, 10) << "the write first";
  EXPECT_EQ(out[0].related[0].location.line, 20);
}

TEST(DataRaceCheck, CommonLockReadsAndAtomicsAreFine) {
  EXPECT_TRUE(findings<DataRaceCheck>(twoThreads(access(1, true, 10, {held("m", 9)}),
                                                 access(2, false, 20, {held("m", 19)})))
                  .empty());
  EXPECT_TRUE(
      findings<DataRaceCheck>(twoThreads(access(1, false, 10), access(2, false, 20))).empty());
  Access x = access(1, true, 10), y = access(2, true, 20);
  x.atomic = y.atomic = true;
  EXPECT_TRUE(findings<DataRaceCheck>(twoThreads(x, y)).empty());
}

TEST(DataRaceCheck, TwoReaderLocksDoNotOrderAWrite) {
  HeldLock r1 = held("rw", 9), r2 = held("rw", 19);
  r1.shared = r2.shared = true;
  EXPECT_EQ(
      findings<DataRaceCheck>(twoThreads(access(1, true, 10, {r1}), access(2, false, 20, {r2})))
          .size(),
      1u);
}

TEST(DataRaceCheck, ReleaseAcquireHandOffOrders) {
  HeldLock released = held("ready", 11), acquired = held("ready", 19);
  released.sync = SyncEdge::ReleasedAfter;
  acquired.sync = SyncEdge::AcquiredBefore;
  EXPECT_TRUE(findings<DataRaceCheck>(
                  twoThreads(access(1, true, 10, {released}), access(2, false, 20, {acquired})))
                  .empty());
}

TEST(DataRaceCheck, OneThreadThatRunsOnceDoesNotRaceWithItself) {
  AnalysisResult r = withContexts(1);
  r.accesses = {access(1, true, 10), access(1, true, 12)};
  EXPECT_TRUE(findings<DataRaceCheck>(r).empty());
  r.contexts[1].multi = true; // created in a loop: each write races with itself and the other
  EXPECT_EQ(findings<DataRaceCheck>(r).size(), 3u);
}

} // namespace
