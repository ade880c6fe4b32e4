// Out-parameters over the whole program (OutParams.h): a local filled through `T **result` is
// its frame's own only when every function the call may run stores fresh objects through it.
#include "../analysis/OutParams.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace weft::analyzer;

namespace {

const std::string kNewFile = "_ZN3Env7NewFileEPKcPP4File"; // Env::NewFile, pure virtual

OutTarget virtualNewFile() {
  OutTarget t;
  t.link = kNewFile;
  t.param = 1;
  t.isVirtual = true;
  return t;
}

/// An override of Env::NewFile whose parameter 1 stores fresh objects (or not).
FunctionBody factory(bool storesOther) {
  FunctionBody b;
  b.name = "PosixEnv::NewFile";
  b.overrides = {kNewFile};
  b.outParams = {{1, storesOther, {}}};
  return b;
}

/// EnvWrapper::NewFile: hands its parameter 1 on to the Env it wraps.
FunctionBody wrapper() {
  FunctionBody b;
  b.name = "EnvWrapper::NewFile";
  b.overrides = {kNewFile};
  b.outParams = {{1, false, {virtualNewFile()}}};
  return b;
}

/// `File *file; env->NewFile(name, &file);`
FunctionBody caller(OutTarget fill) {
  FunctionBody b;
  b.name = "WriteStringToFile";
  b.filledPointees = {{"n:u0:file", {fill}}};
  return b;
}

bool owned(const FunctionBody &b) {
  return std::find(b.ownedPointees.begin(), b.ownedPointees.end(), "n:u0:file") !=
         b.ownedPointees.end();
}

ProgramFacts resolved(std::vector<FunctionBody> bodies) {
  ProgramFacts p;
  p.bodies = std::move(bodies);
  resolveOutParams(p);
  return p;
}

TEST(OutParams, EveryOverrideGivingFreshObjectsMakesTheLocalOwned) {
  // The wrapper forwards to the virtual call that reaches itself: the cycle holds.
  ProgramFacts p = resolved({factory(false), wrapper(), caller(virtualNewFile())});
  EXPECT_TRUE(owned(p.bodies[2]));
}

TEST(OutParams, OneOverrideStoringAnotherObjectKeepsItShared) {
  ProgramFacts p = resolved({factory(false), factory(true), wrapper(), caller(virtualNewFile())});
  EXPECT_FALSE(owned(p.bodies[3]));
}

TEST(OutParams, AWrapperForwardingToAnUnknownFunctionKeepsItShared) {
  FunctionBody w = wrapper();
  w.outParams[0].forwards[0].link = "_Z11open_sharedPP4File"; // no body in the program
  w.outParams[0].forwards[0].isVirtual = false;
  ProgramFacts p = resolved({factory(false), w, caller(virtualNewFile())});
  EXPECT_FALSE(owned(p.bodies[2]));
}

TEST(OutParams, ACallNoFunctionOfTheProgramRunsKeepsItShared) {
  OutTarget unknown = virtualNewFile();
  unknown.link = "_ZN5Other7NewFileEPKcPP4File";
  ProgramFacts p = resolved({factory(false), caller(unknown)});
  EXPECT_FALSE(owned(p.bodies[1]));
}

TEST(OutParams, AnotherParameterOfTheFactoryIsNotTheOneFilled) {
  OutTarget other = virtualNewFile();
  other.param = 0;
  ProgramFacts p = resolved({factory(false), caller(other)});
  EXPECT_FALSE(owned(p.bodies[1]));
}

TEST(OutParams, ADirectCallToAFreshFactoryMakesTheLocalOwned) {
  OutTarget direct;
  direct.fn = 0;
  direct.param = 1;
  ProgramFacts p = resolved({factory(false), caller(direct)});
  EXPECT_TRUE(owned(p.bodies[1]));
}

} // namespace
