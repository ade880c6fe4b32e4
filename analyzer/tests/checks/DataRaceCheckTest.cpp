// data-race decided on hand-built accesses in thread contexts.
#include "../../checks/DataRaceCheck.h"
#include "Facts.h"
#include "Snippets.h"

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

TEST(DataRaceCheck, EachThreadsOwnFrameIsNotShared) {
  // One worker function on two threads: its local struct is one declaration, two objects.
  Access x = access(1, true, 10), y = access(2, true, 10);
  x.obj = y.obj = {ObjRef::Field, "hash::head", "l:u0:1.hash::head"};
  x.ownFrame = y.ownFrame = true;
  EXPECT_TRUE(findings<DataRaceCheck>(twoThreads(x, y)).empty());
  // Nor is an object nobody can name the other thread's own local.
  y.obj.inst = "";
  y.ownFrame = false;
  EXPECT_TRUE(findings<DataRaceCheck>(twoThreads(x, y)).empty());
  // A thread given the local (its entry binding) shares it: that one is not its own frame.
  y.obj.inst = x.obj.inst;
  EXPECT_EQ(findings<DataRaceCheck>(twoThreads(x, y)).size(), 1u);
}

TEST(DataRaceCheck, ObjectsTakenOverAreTheTakersOwnUntilHandedOn) {
  // Two workers each took a job off the queue: no race between what they do with it.
  Access x = access(1, true, 10), y = access(2, true, 12);
  x.obj = y.obj = {ObjRef::Field, "job::sum", "n:g:todo.job::sum"};
  x.tookOver = y.tookOver = true;
  EXPECT_TRUE(findings<DataRaceCheck>(twoThreads(x, y)).empty());
  // The job one worker handed on races with the next owner's use of it.
  y.tookOver = false;
  EXPECT_EQ(findings<DataRaceCheck>(twoThreads(x, y)).size(), 1u);
  // An object nobody can name may be the one taken over (unlike a local of the frame).
  y.obj.inst = "";
  EXPECT_EQ(findings<DataRaceCheck>(twoThreads(x, y)).size(), 1u);
  // A local of the other thread's own frame is not the job.
  y.obj.inst = x.obj.inst;
  y.ownFrame = true;
  EXPECT_TRUE(findings<DataRaceCheck>(twoThreads(x, y)).empty());
}

TEST(DataRaceCheck, ElementsWithKnownIndicesAreTheirOwnObjects) {
  EXPECT_FALSE(mayAlias("g:partial[0]", "g:partial[1]"));
  EXPECT_TRUE(mayAlias("g:partial[0]", "g:partial[0]"));
  EXPECT_TRUE(mayAlias("g:partial", "g:partial[1]")) << "the array is every element";
  EXPECT_FALSE(mayAlias("g:other", "g:partial[1]"));
  EXPECT_TRUE(mayAlias("g:partial[0].x", "g:partial[0].x"));
  Access x = access(1, true, 10), y = access(2, true, 10);
  x.obj.inst = "g:partial[0]";
  y.obj.inst = "g:partial[1]";
  EXPECT_TRUE(findings<DataRaceCheck>(twoThreads(x, y)).empty());
  y.obj.inst = "g:partial[0]";
  EXPECT_EQ(findings<DataRaceCheck>(twoThreads(x, y)).size(), 1u);
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

// ---- on small programs -------------------------------------------------------------------

TEST(DataRaceCheckSnippets, UnprotectedCounterAndTheFix) {
  LintRun bad = lint(R"(
int counter;
void work() { for (int i = 0; i < 10; ++i) counter++; }
int main() { std::thread a(work), b(work); a.join(); b.join(); }
)");
  ASSERT_EQ(bad.of("data-race").size(), 1u); // one finding, however many iterations
  const auto &f = bad.of("data-race").front();
  EXPECT_EQ(f.variable, "counter");
  EXPECT_FALSE(f.related.empty());
  EXPECT_FALSE(f.location.file.empty());
  LintRun good = lint(R"(
int counter; std::mutex m; std::atomic<int> hits; thread_local int mine; const int limit = 3;
void work() { std::lock_guard<std::mutex> g(m); counter++; hits++; mine++; (void)limit; }
int main() { std::thread a(work), b(work); a.join(); b.join(); }
)");
  EXPECT_TRUE(good.findings.empty());
}

TEST(DataRaceCheckSnippets, ReaderLocksOnlyProtectReads) {
  LintRun r = lint(R"(
std::shared_mutex rw; int value;
void reader() { std::shared_lock<std::shared_mutex> l(rw); int v = value; (void)v; }
void badWriter() { std::shared_lock<std::shared_mutex> l(rw); value = 1; }
int main() { std::thread a(reader), b(badWriter); a.join(); b.join(); }
)");
  EXPECT_TRUE(r.has("data-race", "value"));
}

TEST(DataRaceCheckSnippets, ContainersAndCallOnce) {
  LintRun r = lint(R"(
#include <vector>
std::vector<int> items; std::once_flag once; int config;
void work() { items.push_back(1); std::call_once(once, [] { config = 1; }); int c = config; (void)c; }
int main() { std::thread a(work), b(work); a.join(); b.join(); }
)");
  EXPECT_TRUE(r.has("data-race", "items"));
  EXPECT_FALSE(r.has("data-race", "config"));
}

// A release fence before a relaxed store and an acquire fence after the relaxed load publish like a
// release store / acquire load; either fence alone does not.

TEST(DataRaceCheckSnippets, FencesAroundRelaxedAtomicsPublish) {
  auto program = [](const char *writerFence, const char *readerFence) {
    return std::string(R"(
int payload; std::atomic<bool> ready;
void writer() { payload = 1; )") +
           writerFence + R"( ready.store(true, std::memory_order_relaxed); }
void reader() { if (ready.load(std::memory_order_relaxed)) { )" +
           readerFence + R"( int v = payload; (void)v; } }
int main() { std::thread a(writer), b(reader); a.join(); b.join(); }
)";
  };
  const char *rel = "std::atomic_thread_fence(std::memory_order_release);";
  const char *acq = "std::atomic_thread_fence(std::memory_order_acquire);";
  EXPECT_FALSE(lint(program(rel, acq)).has("data-race", "payload"));
  EXPECT_TRUE(lint(program(rel, "")).has("data-race", "payload"));
  EXPECT_TRUE(lint(program("", acq)).has("data-race", "payload"));
}

} // namespace
