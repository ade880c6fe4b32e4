// Started flags checked on a hand-built expanded program (StartedFlags.h): a flag set idle by
// code that joins no thread holds only where its thread cannot be running.
#include "../analysis/StartedFlags.h"

#include <gtest/gtest.h>

using namespace weft::analyzer;

namespace {

weft::report::Location at(int line) { return {"reader.c", line, 7, ""}; }

/// main (context 0) started the reader (site 0, context 1); in_init() writes the flag at line 20.
struct ReaderProgram {
  ProgramFacts facts;
  AnalysisResult result;

  ReaderProgram() {
    ThreadSite s;
    s.id = 0;
    s.guardFlag = s.startedFlag = "f:which";
    s.guardIdle = -1;
    s.unjoinedClears = {at(20)};
    facts.sites.push_back(s);
    ThreadContext mainCtx;
    ThreadContext reader;
    reader.id = 1;
    reader.parent = 0;
    reader.site = 0;
    result.contexts = {mainCtx, reader};
  }

  void clearIn(int context, std::set<int> live) {
    Access a;
    a.obj = {ObjRef::Global, "which", "g:which"};
    a.write = true;
    a.loc = at(20);
    a.context = context;
    a.live = std::move(live);
    result.accesses.push_back(a);
  }
};

TEST(StartedFlags, HoldsWhereTheThreadIsNotRunning) {
  ReaderProgram p;
  p.clearIn(0, {});
  EXPECT_TRUE(brokenStartedFlags(p.facts, p.result).empty());
}

TEST(StartedFlags, BrokenWhereTheThreadMayStillRun) {
  ReaderProgram p;
  p.clearIn(0, {});
  p.clearIn(0, {1}); // another call of in_init(), while the reader runs
  EXPECT_EQ(brokenStartedFlags(p.facts, p.result), std::set<std::string>{"f:which"});
}

TEST(StartedFlags, BrokenWhenTheThreadClearsItsOwnFlag) {
  ReaderProgram p;
  p.clearIn(1, {}); // the reader says it is done while it still runs
  EXPECT_EQ(brokenStartedFlags(p.facts, p.result), std::set<std::string>{"f:which"});
}

TEST(StartedFlags, OnlyTheClearsOfTheFlagCount) {
  ReaderProgram p;
  p.clearIn(0, {1});
  p.result.accesses.back().loc = at(21); // some other write while the reader runs
  EXPECT_TRUE(brokenStartedFlags(p.facts, p.result).empty());
}

} // namespace
