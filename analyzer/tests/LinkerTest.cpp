// Whole-program joining: calls and thread entries bound across files by linkage name, indices
// renumbered, roots chosen, one program per `main`; and end to end, races whose thread entry,
// callee or lock lives in another file.
#include "../analysis/Linker.h"
#include "TestSupport.h"

#include <gtest/gtest.h>

using namespace weft::analyzer;
using namespace weft::analyzer::test;

namespace {

FunctionBody fn(std::string name, std::string link = "") {
  FunctionBody f;
  f.name = std::move(name);
  f.linkName = std::move(link);
  return f;
}

/// main() calls foo() and starts a thread running worker(); both are only declared here.
ProgramFacts mainUnit() {
  ProgramFacts u;
  FunctionBody m = fn("main", "main");
  CallOp call;
  call.calleeLink = "_Z3foov";
  m.calls.push_back(call);
  CreateOp create;
  create.site = 0;
  m.creates.push_back(create);
  u.bodies.push_back(m);
  ThreadSite site;
  site.id = 0;
  site.entryLink = "_Z6workerv";
  u.sites.push_back(site);
  u.roots = {0};
  u.hasMain = true;
  return u;
}

/// Defines helper (internal), foo() and worker(); worker calls helper and starts its own thread.
ProgramFacts libraryUnit() {
  ProgramFacts u;
  u.bodies.push_back(fn("helper"));
  FunctionBody foo = fn("foo", "_Z3foov");
  u.bodies.push_back(foo);
  FunctionBody worker = fn("worker", "_Z6workerv");
  CallOp toHelper;
  toHelper.callee = 0;
  worker.calls.push_back(toHelper);
  CreateOp create;
  create.site = 0;
  worker.creates.push_back(create);
  ThreadOp detach;
  detach.site = 0;
  worker.threads.push_back(detach);
  u.bodies.push_back(worker);
  ThreadSite site;
  site.id = 0;
  site.entry = 0;
  u.sites.push_back(site);
  return u;
}

TEST(Linker, BindsCallsAndThreadEntriesAcrossUnitsAndRenumbers) {
  ProgramFacts a = mainUnit(), b = libraryUnit();
  ProgramFacts p = linkFacts({&a, &b});
  ASSERT_EQ(p.bodies.size(), 4u);
  ASSERT_EQ(p.sites.size(), 2u);
  EXPECT_EQ(p.bodies[0].calls[0].callee, 2) << "main's foo() bound to the library's foo";
  EXPECT_EQ(p.sites[0].entry, 3) << "main's thread runs the library's worker";
  EXPECT_EQ(p.bodies[3].calls[0].callee, 1) << "worker's own call renumbered";
  EXPECT_EQ(p.bodies[3].creates[0].site, 1);
  EXPECT_EQ(p.bodies[3].threads[0].site, 1) << "a detach's site renumbered";
  EXPECT_EQ(p.sites[1].id, 1);
  EXPECT_EQ(p.sites[1].entry, 1);
  EXPECT_TRUE(p.hasMain);
  // worker starts threads but is a thread entry, not a call: the library's fallback root.
  EXPECT_EQ(p.roots, (std::vector<int>{0, 3}));
}

TEST(Linker, UnresolvedNamesStayUnknown) {
  ProgramFacts a = mainUnit();
  ProgramFacts p = linkFacts({&a});
  EXPECT_EQ(p.bodies[0].calls[0].callee, -1);
  EXPECT_EQ(p.sites[0].entry, -1);
  EXPECT_EQ(p.roots, std::vector<int>{0});
}

TEST(Linker, CalledFunctionsAreNoFallbackRoots) {
  ProgramFacts b = libraryUnit();
  FunctionBody caller = fn("caller");
  CallOp call;
  call.calleeLink = "_Z6workerv";
  caller.calls.push_back(call);
  ProgramFacts c;
  c.bodies.push_back(caller);
  ProgramFacts p = linkFacts({&b, &c});
  EXPECT_TRUE(p.roots.empty()) << "worker is called (from the other unit); nothing starts threads";
}

TEST(Linker, OneProgramPerMainWithTheLibrariesItReaches) {
  ProgramFacts a1 = mainUnit(), a2 = mainUnit(), lib = libraryUnit();
  ProgramFacts unused; // a library no main calls: its own thread-starting code is one program
  unused.bodies.push_back(fn("spawner", "_Z7spawnerv"));
  unused.bodies[0].creates.push_back(CreateOp{});
  unused.sites.push_back(ThreadSite{});
  unused.sites[0].id = 0;
  using Units = std::vector<const ProgramFacts *>;
  std::vector<Units> programs = partitionPrograms({&a1, &lib, &unused, &a2});
  ASSERT_EQ(programs.size(), 3u);
  EXPECT_EQ(programs[0], (Units{&a1, &lib}));
  EXPECT_EQ(programs[1], (Units{&lib, &a2})) << "units keep their order";
  EXPECT_EQ(programs[2], (Units{&unused}));
  EXPECT_EQ(linkFacts(programs[1]).sites[1].entry, 2) << "a2's thread runs lib's worker";
  EXPECT_EQ(linkFacts(programs[2]).roots, std::vector<int>{0});
  EXPECT_EQ(partitionPrograms({&a1, &lib, &unused}), (std::vector<Units>{{&a1, &lib, &unused}}))
      << "one main: one program of everything";
}

// ---- end to end: parsed files, joined as weft lint joins them -------------------------------

const std::string kThread = "#include <mutex>\n#include <thread>\n";

TEST(Linker, RaceInAThreadEntryDefinedInAnotherFile) {
  LintRun r = analyzeProgramOf({
      {"main.cpp", kThread + "void worker();\nint main() {\n"
                             "  std::thread a(worker), b(worker);\n  a.join(); b.join();\n}\n"},
      {"worker.cpp", "long hits;\nvoid record() { ++hits; }\nvoid worker() { record(); }\n"},
  });
  ASSERT_TRUE(r.has("data-race", "hits"));
  const weft::report::Finding f = r.of("data-race").front();
  EXPECT_EQ(f.location.file, "/tmp/weft-test/worker.cpp");
  EXPECT_EQ(f.location.line, 2);
}

TEST(Linker, CallsToOtherFilesMixedWithLocalCallsAndReleases) {
  // A call into another file followed by calls of this file and a release: the summary keeps each
  // call with its own statement (a mix-up here once read the summary of callee -1 and crashed).
  LintRun r = analyzeProgramOf({
      {"main.cpp", kThread +
                       "#include <atomic>\nvoid setup();\nvoid report(long);\nlong total;\n"
                       "std::atomic<bool> done{false};\nvoid add() { ++total; }\n"
                       "void work() { setup(); add(); done.store(true, std::memory_order_release); "
                       "report(total); }\n"
                       "int main() {\n  std::thread a(work), b(work);\n  a.join(); b.join();\n}\n"},
      {"other.cpp", "void setup() {}\nvoid report(long) {}\n"},
  });
  EXPECT_TRUE(r.has("data-race", "total"));
}

TEST(Linker, LockTakenInAnotherFileProtects) {
  LintRun r = analyzeProgramOf({
      {"main.cpp", kThread + "void bump();\nint main() {\n"
                             "  std::thread a(bump);\n  bump();\n  a.join();\n}\n"},
      {"bump.cpp", kThread + "std::mutex m;\nlong hits;\n"
                             "void bump() { std::lock_guard<std::mutex> g(m); ++hits; }\n"},
  });
  EXPECT_TRUE(r.findings.empty()) << r.findings.front().message;
  EXPECT_EQ(r.locksAt("hits", 5), "m");
}

TEST(Linker, MethodDefinedInAnotherFileOnASharedObject) {
  const std::string counter = "struct Counter {\n  long n = 0;\n  void add();\n};\n";
  LintRun r = analyzeProgramOf({
      {"main.cpp", kThread + counter +
                       "int main() {\n  Counter c;\n  std::thread t([&] { c.add(); });\n"
                       "  c.add();\n  t.join();\n}\n"},
      {"counter.cpp", counter + "void Counter::add() { ++n; }\n"},
  });
  EXPECT_TRUE(r.has("data-race", "Counter::n"));
}

/// main.cpp and other.cpp each declare `count` with the given declaration, and each thread
/// increments its file's `count`.
LintRun countInTwoFiles(const std::string &inMain, const std::string &inOther) {
  return analyzeProgramOf({
      {"main.cpp", kThread + "void other();\n" + inMain +
                       "\nint main() {\n  std::thread t(other);\n  ++count;\n  t.join();\n}\n"},
      {"other.cpp", inOther + "\nvoid other() { ++count; }\n"},
  });
}

TEST(Linker, FilePrivateGlobalsOfTwoFilesAreTwoObjects) {
  // Joined by name the two `count`s would race; they are two objects.
  EXPECT_FALSE(
      countInTwoFiles("static long count;", "static long count;").has("data-race", "count"));
}

TEST(Linker, SharedExternalGlobalRacesAcrossFiles) {
  EXPECT_TRUE(countInTwoFiles("extern long count;", "long count;").has("data-race", "count"));
}

} // namespace
