// Copies of functions per constant argument (Specialise.h) on hand-built bodies: the call passing
// the constant a branch tests runs only that branch; other calls keep the original.
#include "../analysis/Specialise.h"
#include "../analysis/Summaries.h"

#include <gtest/gtest.h>

using namespace weft::analyzer;

namespace {

/// `output(len)`: block 0 tests `len == 0`; block 1 (true) writes x, block 2 (false) writes y;
/// both go to the exit, block 3.
FunctionBody output() {
  FunctionBody b;
  b.name = b.shortName = "output";
  b.blocks.resize(4);
  b.blocks[0].succs = {1, 2};
  b.blocks[0].paramTest = {0, "0", true};
  b.accesses.push_back(AccessOp{{ObjRef::Global, "x", "g:x"}, true, false, false, {}, {}});
  b.accesses.push_back(AccessOp{{ObjRef::Global, "y", "g:y"}, true, false, false, {}, {}});
  b.blocks[1].events = {{Event::Access, 0}, {Event::StmtEnd, 0}};
  b.blocks[1].succs = {3};
  b.blocks[2].events = {{Event::Access, 1}, {Event::StmtEnd, 0}};
  b.blocks[2].succs = {3};
  b.entry = 0;
  b.exit = 3;
  b.order = {0, 1, 2, 3};
  return b;
}

/// `main`, calling output (index 1) once per value in `values` (a constant or `p#0`).
FunctionBody mainCalling(const std::vector<std::string> &values) {
  FunctionBody b;
  b.name = b.shortName = "main";
  b.blocks.resize(2);
  for (const std::string &v : values) {
    CallOp c;
    c.callee = 1;
    c.bind.values[0] = v;
    b.calls.push_back(c);
    b.blocks[0].events.push_back({Event::Call, static_cast<int>(b.calls.size()) - 1});
  }
  b.blocks[0].succs = {1};
  b.entry = 0;
  b.exit = 1;
  b.order = {0, 1};
  return b;
}

std::vector<std::string> written(const FunctionSummary &s) {
  std::vector<std::string> out;
  for (const SAccess &a : s.accesses)
    out.push_back(a.obj.name);
  return out;
}

TEST(Specialise, ACallPassingATestedConstantRunsOnlyItsBranch) {
  ProgramFacts p;
  p.bodies.push_back(mainCalling({"0", "5", "0", "p#0"}));
  p.bodies.push_back(output());
  specialiseConstantCalls(p);
  ASSERT_EQ(p.bodies.size(), 4u) << "one copy per callee and constants";
  const std::vector<CallOp> &calls = p.bodies[0].calls;
  EXPECT_EQ(calls[0].callee, calls[2].callee) << "the same constant shares its copy";
  EXPECT_NE(calls[0].callee, calls[1].callee);
  EXPECT_GE(calls[0].callee, 2);
  EXPECT_GE(calls[1].callee, 2);
  EXPECT_EQ(calls[3].callee, 1) << "the caller's own parameter is no constant";
  for (int copy : {calls[0].callee, calls[1].callee}) {
    EXPECT_EQ(p.bodies[copy].specialises, 1);
    EXPECT_TRUE(p.bodies[copy].linkName.empty());
  }
  summarizeProgram(p);
  EXPECT_EQ(written(p.functions[calls[0].callee]), std::vector<std::string>{"x"});
  EXPECT_EQ(written(p.functions[calls[1].callee]), std::vector<std::string>{"y"});
  EXPECT_EQ(written(p.functions[1]), (std::vector<std::string>{"x", "y"}));
}

TEST(Specialise, ABranchOnAnotherParameterIsKept) {
  ProgramFacts p;
  p.bodies.push_back(mainCalling({"0"}));
  p.bodies.push_back(output());
  p.bodies[1].blocks[0].paramTest.param = 1; // tests the second parameter, not the one passed
  specialiseConstantCalls(p);
  EXPECT_EQ(p.bodies.size(), 2u);
  EXPECT_EQ(p.bodies[0].calls[0].callee, 1);
}

} // namespace
