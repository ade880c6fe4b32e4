// Ownership through pointer fields (OwnedFields.h): an owned record's access through a pointer
// field stays owned only when the field only ever holds fresh or owned objects.
#include "../analysis/OwnedFields.h"

#include <gtest/gtest.h>

using namespace weft::analyzer;

namespace {

ProgramFacts program(std::set<std::string> ownedFields) {
  FunctionBody b;
  b.name = "worker";
  AccessOp through; // `w->pool->alive` with `w` handed over
  through.ownedParam = 0;
  through.ownedThrough = {"f:worker::pool"};
  AccessOp own; // `w->rounds`
  own.ownedParam = 0;
  b.accesses = {through, own};
  CallOp call; // `count(w->pool)`
  call.bind.handed[0] = 0;
  call.bind.handedThrough[0] = {"f:worker::pool"};
  b.calls = {call};
  ProgramFacts p;
  p.bodies = {b};
  p.ownedFields = std::move(ownedFields);
  settleOwnedFields(p);
  return p;
}

} // namespace

TEST(OwnedFields, ABackPointerToSharedStateIsNotOwned) {
  ProgramFacts p = program({});
  const FunctionBody &b = p.bodies[0];
  EXPECT_EQ(b.accesses[0].ownedParam, -1);
  EXPECT_EQ(b.accesses[1].ownedParam, 0);
  EXPECT_FALSE(b.calls[0].bind.handed.count(0));
  EXPECT_TRUE(b.calls[0].bind.handedThrough.empty());
}

TEST(OwnedFields, AFieldGivenOnlyFreshObjectsStaysOwned) {
  ProgramFacts p = program({"f:worker::pool"});
  const FunctionBody &b = p.bodies[0];
  EXPECT_EQ(b.accesses[0].ownedParam, 0);
  EXPECT_EQ(b.calls[0].bind.handed.at(0), 0);
}
