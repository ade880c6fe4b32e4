// Whole-program summaries on hand-built bodies: callees before callers across any order of the
// bodies, and recursive cycles iterated to a fixpoint or reported as cut.
#include "../analysis/Summaries.h"

#include <gtest/gtest.h>

using namespace weft::analyzer;

namespace {

ObjRef lockM() { return {ObjRef::Global, "m", "g:m"}; }

/// One block of the given events, followed by the (empty) exit block, as a CFG has it.
FunctionBody body(const std::string &name, std::vector<Event> events) {
  FunctionBody b;
  b.name = b.shortName = name;
  b.blocks.resize(2);
  b.blocks[0].events = std::move(events);
  b.blocks[0].succs = {1};
  b.entry = 0;
  b.exit = 1;
  b.order = {0, 1};
  return b;
}

/// `caller` calls `callee` (an index of the program) as its event.
int addCall(FunctionBody &caller, int callee) {
  CallOp c;
  c.callee = callee;
  caller.calls.push_back(c);
  return static_cast<int>(caller.calls.size()) - 1;
}

TEST(Summaries, ACalleeDefinedLaterStillAppliesItsLock) {
  // main (index 0) calls lock_m (index 1), then accesses x: x is under m.
  ProgramFacts p;
  p.bodies.push_back(body("main", {}));
  FunctionBody lock = body("lock_m", {{Event::Acquire, 0}});
  LockOp op;
  op.locks.push_back({lockM(), false, false});
  lock.acquires.push_back(op);
  p.bodies.push_back(lock);
  FunctionBody &main = p.bodies[0];
  main.accesses.push_back(AccessOp{{ObjRef::Global, "x", "g:x"}, true, false, false, {}, {}});
  main.blocks[0].events = {
      {Event::Call, addCall(main, 1)}, {Event::Access, 0}, {Event::StmtEnd, 0}};
  summarizeProgram(p);
  ASSERT_EQ(p.functions[0].accesses.size(), 1u);
  ASSERT_EQ(p.functions[0].accesses[0].locks.held.size(), 1u);
  EXPECT_EQ(p.functions[0].accesses[0].locks.held[0].lock.name, "m");
  EXPECT_TRUE(p.functions[1].facts.called);
  EXPECT_TRUE(p.cutCycles.empty());
}

TEST(Summaries, RecursiveCycleSettlesOrIsReportedCut) {
  ProgramFacts p;
  p.bodies.push_back(body("ping", {}));
  p.bodies.push_back(body("pong", {}));
  p.bodies[0].blocks[0].events = {{Event::Call, addCall(p.bodies[0], 1)}};
  p.bodies[1].blocks[0].events = {{Event::Call, addCall(p.bodies[1], 0)}};
  ProgramFacts settled = p;
  summarizeProgram(settled);
  EXPECT_TRUE(settled.cutCycles.empty());
  summarizeProgram(p, /*maxCycleRounds=*/1); // one round cannot see that it settled
  ASSERT_EQ(p.cutCycles.size(), 1u);
  EXPECT_NE(p.cutCycles[0].find("ping"), std::string::npos) << p.cutCycles[0];
  EXPECT_NE(p.cutCycles[0].find("pong"), std::string::npos) << p.cutCycles[0];
}

} // namespace
