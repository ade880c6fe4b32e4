// Objects returned by the function that made them (ReturnedPointees.h): a caller's local names
// the callee's object only when every call giving it a value returns that one object.
#include "../analysis/ReturnedPointees.h"

#include <gtest/gtest.h>

using namespace weft::analyzer;

namespace {

/// A function `link` whose every return gives `returned` (empty: anything else).
FunctionBody factory(std::string link, std::string returned) {
  FunctionBody b;
  b.name = b.linkName = std::move(link);
  b.returnedPointee = std::move(returned);
  return b;
}

/// `pool = <each of links>();` in main.
FunctionBody caller(std::vector<std::string> links) {
  FunctionBody b;
  b.name = b.linkName = "main";
  CallFilledPointee cp;
  cp.pointee = "n:u1:pool";
  for (std::string &l : links) {
    OutTarget t;
    t.link = std::move(l);
    cp.calls.push_back(std::move(t));
  }
  b.callFilledPointees = {std::move(cp)};
  return b;
}

std::map<std::string, std::string> aliases(std::vector<FunctionBody> bodies) {
  ProgramFacts p;
  p.bodies = std::move(bodies);
  resolveReturnedPointees(p);
  return p.pointeeAliases;
}

} // namespace

TEST(ReturnedPointees, ACallerLocalNamesTheReturnedObject) {
  auto a = aliases({factory("pool_create", "n:u0:p"), caller({"pool_create"})});
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a["n:u1:pool"], "n:u0:p");
}

TEST(ReturnedPointees, TwoFactoriesReturningDifferentObjectsNameNothing) {
  EXPECT_TRUE(aliases({factory("make_a", "n:u0:a"), factory("make_b", "n:u0:b"),
                       caller({"make_a", "make_b"})})
                  .empty());
}

TEST(ReturnedPointees, AFactoryReturningAnythingElseNamesNothing) {
  EXPECT_TRUE(aliases({factory("get_buf", ""), caller({"get_buf"})}).empty());
}

TEST(ReturnedPointees, AFunctionNoFileDefinesNamesNothing) {
  EXPECT_TRUE(aliases({caller({"thpool_init"})}).empty());
}

TEST(ReturnedPointees, AliasesChainThroughWrappers) {
  // `p = make(); return p;` in wrap(), whose local is itself made by make().
  FunctionBody wrap = factory("wrap", "n:u2:w");
  CallFilledPointee inner;
  inner.pointee = "n:u2:w";
  OutTarget t;
  t.link = "make";
  inner.calls = {t};
  wrap.callFilledPointees = {inner};
  auto a = aliases({factory("make", "n:u0:m"), wrap, caller({"wrap"})});
  EXPECT_EQ(a["n:u1:pool"], "n:u0:m");
  EXPECT_EQ(a["n:u2:w"], "n:u0:m");
}
