// double-lock decided on hand-built facts: a re-lock held on every path, or held by a caller.
#include "../../checks/DoubleLockCheck.h"
#include "Facts.h"

#include <gtest/gtest.h>

using namespace weft::analyzer;
using namespace weft::analyzer::test;

namespace {

AnalysisResult relockInFunction(HeldLock prior, HeldLock again) {
  AnalysisResult r = withContexts(0);
  FunctionFacts f;
  SAcquire a;
  a.lock = again;
  a.alreadyHeld = true;
  a.prior = prior;
  f.acquires.push_back(a);
  r.functions.push_back(f);
  return r;
}

TEST(DoubleLockCheck, RelockOfAMutexHeldOnEveryPath) {
  auto out = findings<DoubleLockCheck>(relockInFunction(held("m", 4), held("m", 6)));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].variable, "m");
  EXPECT_EQ(out[0].location.line, 6);
  ASSERT_EQ(out[0].related.size(), 1u);
  EXPECT_EQ(out[0].related[0].location.line, 4);
  EXPECT_EQ(out[0].severity, weft::report::Severity::Error) << "the catalogue's severity";
}

TEST(DoubleLockCheck, RecursiveSharedOnceAndUnknownIdentityAreFine) {
  HeldLock recursive = held("m", 6);
  recursive.recursive = true;
  EXPECT_TRUE(findings<DoubleLockCheck>(relockInFunction(held("m", 4), recursive)).empty());
  HeldLock r1 = held("rw", 4), r2 = held("rw", 6);
  r1.shared = r2.shared = true;
  EXPECT_TRUE(findings<DoubleLockCheck>(relockInFunction(r1, r2)).empty()) << "two readers";
  HeldLock once = held("flag", 4);
  once.guard = guard::Once;
  EXPECT_TRUE(findings<DoubleLockCheck>(relockInFunction(once, held("flag", 6))).empty());
  HeldLock unknown = held("m", 6);
  unknown.lock.inst = "";
  EXPECT_TRUE(findings<DoubleLockCheck>(relockInFunction(held("m", 4), unknown)).empty())
      << "an unknown identity may be another object";
}

TEST(DoubleLockCheck, HeldByACaller) {
  AnalysisResult r = withContexts(1);
  Acquisition a;
  a.context = 1;
  a.lock = held("m", 20);
  a.fromCaller = {held("m", 10)};
  a.before = a.fromCaller;
  r.acquisitions.push_back(a);
  auto out = findings<DoubleLockCheck>(r);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_NE(out[0].message.find("by a caller"), std::string::npos) << out[0].message;
  r.acquisitions[0].fromCaller.clear(); // the caller let it go first
  EXPECT_TRUE(findings<DoubleLockCheck>(r).empty());
}

TEST(DoubleLockCheck, OneFindingPerLocationAcrossContexts) {
  AnalysisResult r = withContexts(2);
  for (int c : {1, 2}) {
    Acquisition a;
    a.context = c;
    a.lock = held("m", 20);
    a.fromCaller = {held("m", 10)};
    r.acquisitions.push_back(a);
  }
  EXPECT_EQ(findings<DoubleLockCheck>(r).size(), 1u);
}

} // namespace
