// Threads started through other code (ValueFlow.h): a launch(fn, arg) wrapper around
// pthread_create in another file, a start record a thread calls through, a pool's queue of
// std::function tasks, an abstract Env whose one override queues {function, arg} for a
// background thread. Each call handing over a concrete callable starts a thread running it, with
// the caller's argument, and only a call that does: a callable called on the caller's thread
// stays a call.
#include "../analysis/ValueFlow.h"
#include "TestSupport.h"

#include <gtest/gtest.h>

using namespace weft::analyzer::test;

namespace {

/// yarn.c's shape: the start record is filled in, then a thread runs ignition(), which calls it.
const std::string kYarn = "#include <pthread.h>\n#include <stdlib.h>\n"
                          "struct capsule { void (*probe)(void *); void *payload; };\n"
                          "static void *ignition(void *arg) {\n"
                          "  struct capsule *c = arg;\n"
                          "  c->probe(c->payload);\n"
                          "  free(c);\n"
                          "  return 0;\n"
                          "}\n"
                          "pthread_t launch(void (*probe)(void *), void *payload) {\n"
                          "  struct capsule *c = malloc(sizeof *c);\n"
                          "  c->probe = probe;\n"
                          "  c->payload = payload;\n"
                          "  pthread_t id;\n"
                          "  pthread_create(&id, 0, ignition, c);\n"
                          "  return id;\n"
                          "}\n";

std::string program(const std::string &work, const std::string &mainBody) {
  return "#include <pthread.h>\npthread_t launch(void (*)(void *), void *);\n"
         "static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;\nlong blocks;\n" +
         work + "int main(void) {\n" + mainBody + "  return 0;\n}\n";
}

TEST(SpawnThroughCode, LaunchWrapperInAnotherFileStartsTheWorker) {
  LintRun r = analyzeProgramOf(
      {{"main.c", program("static void work(void *arg) { (void)arg; blocks++; }\n",
                          "  pthread_t a = launch(work, 0);\n  pthread_t b = launch(work, 0);\n"
                          "  pthread_join(a, 0);\n  pthread_join(b, 0);\n")},
       {"yarn.c", kYarn}});
  ASSERT_EQ(r.findings.size(), 1u) << r.messages();
  EXPECT_EQ(r.findings[0].variable, "blocks");
  EXPECT_EQ(r.findings[0].location.file, "/tmp/weft-test/main.c") << r.messages();
}

TEST(SpawnThroughCode, LockedWorkAndJoinedHandlesAreClean) {
  LintRun r = analyzeProgramOf(
      {{"main.c", program("static void work(void *arg) {\n  (void)arg;\n"
                          "  pthread_mutex_lock(&mu);\n  blocks++;\n  pthread_mutex_unlock(&mu);\n"
                          "}\n",
                          "  pthread_t a = launch(work, 0);\n  pthread_t b = launch(work, 0);\n"
                          "  pthread_join(a, 0);\n  pthread_join(b, 0);\n  blocks = 0;\n")},
       {"yarn.c", kYarn}});
  EXPECT_TRUE(r.findings.empty()) << r.messages();
}

TEST(SpawnThroughCode, TheArgumentReachesTheCallable) {
  LintRun r = analyzeProgramOf(
      {{"main.c", program("struct tally { long n; };\n"
                          "static void work(void *arg) { struct tally *t = arg; t->n++; }\n",
                          "  static struct tally t;\n"
                          "  pthread_t a = launch(work, &t);\n  pthread_t b = launch(work, &t);\n"
                          "  pthread_join(a, 0);\n  pthread_join(b, 0);\n")},
       {"yarn.c", kYarn}});
  ASSERT_EQ(r.findings.size(), 1u) << r.messages();
  EXPECT_EQ(r.findings[0].variable, "tally::n");
}

TEST(SpawnThroughCode, ACallableCalledOnTheCallersThreadIsACall) {
  // apply() calls its parameter itself: no thread, so main's two calls do not race.
  LintRun r = analyzeProgramOf(
      {{"main.c", "long blocks;\nvoid apply(void (*fn)(void));\n"
                  "static void work(void) { blocks++; }\n"
                  "int main(void) { apply(work); apply(work); return (int)blocks; }\n"},
       {"apply.c", "void apply(void (*fn)(void)) { fn(); }\n"}});
  EXPECT_TRUE(r.findings.empty()) << r.messages();
}

const std::string kPool =
    "#include <condition_variable>\n#include <functional>\n"
    "#include <mutex>\n#include <queue>\n#include <thread>\n"
    "#include <vector>\n"
    "class Pool {\npublic:\n"
    "  Pool() { for (int i = 0; i < 2; ++i) w_.emplace_back(&Pool::run, this); }\n"
    "  void submit(std::function<void()> f) {\n"
    "    std::lock_guard<std::mutex> l(mu_);\n    q_.push(std::move(f));\n"
    "    cv_.notify_one();\n  }\n"
    "private:\n"
    "  void run() {\n    for (;;) {\n      std::function<void()> t;\n"
    "      {\n        std::unique_lock<std::mutex> l(mu_);\n"
    "        cv_.wait(l, [this] { return !q_.empty(); });\n"
    "        t = std::move(q_.front());\n        q_.pop();\n      }\n"
    "      t();\n    }\n  }\n"
    "  std::mutex mu_;\n  std::condition_variable cv_;\n"
    "  std::queue<std::function<void()>> q_;\n"
    "  std::vector<std::thread> w_;\n};\n";

TEST(SpawnThroughCode, PoolTasksRunInParallelWithEachOther) {
  LintRun r = analyzeProgramOf(
      {{"main.cpp", kPool + "long hits;\n"
                            "int main() {\n  Pool p;\n"
                            "  p.submit([] { hits++; });\n  p.submit([] { hits++; });\n"
                            "  for (;;) {}\n}\n"}});
  ASSERT_EQ(r.findings.size(), 1u) << r.messages();
  EXPECT_EQ(r.findings[0].variable, "hits");
}

TEST(SpawnThroughCode, WhatIsWrittenBeforeSubmittingIsOrdered) {
  LintRun r = analyzeProgramOf(
      {{"main.cpp", kPool +
                        "long step;\nstd::mutex hmu;\nlong hits;\n"
                        "int main() {\n  Pool p;\n  step = 2;\n"
                        "  p.submit([] { std::lock_guard<std::mutex> l(hmu); hits += step; });\n"
                        "  for (;;) {}\n}\n"}});
  EXPECT_TRUE(r.findings.empty()) << r.messages();
}

} // namespace

// The value flow on hand-built facts: which parameters spawn, which invokes resolve.
namespace {

using weft::analyzer::CallOp;
using weft::analyzer::FlowEdge;
using weft::analyzer::FunctionBody;
using weft::analyzer::InvokeOp;
using weft::analyzer::ProgramFacts;
using weft::analyzer::ThreadSite;

FunctionBody body(const std::string &key) {
  FunctionBody b;
  b.name = b.flowKey = key;
  return b;
}

/// A program of `bodies` where a thread runs bodies[entry] (entry -1: no thread).
ProgramFacts program(std::vector<FunctionBody> bodies, int entry) {
  ProgramFacts p;
  p.bodies = std::move(bodies);
  if (entry >= 0) {
    ThreadSite s;
    s.id = 0;
    s.entry = entry;
    p.sites = {s};
  }
  weft::analyzer::resolveValueFlow(p);
  return p;
}

TEST(ValueFlow, AParameterStoredWhereAThreadCallsItSpawns) {
  FunctionBody submit = body("submit"), worker = body("worker");
  submit.flows.push_back({"e:f:Pool::q", "p:submit#0", -1, "", false});
  worker.flows.push_back({"l:t", "e:f:Pool::q", -1, "", false});
  worker.invokes.push_back({"l:t", {}, false, {}});
  ProgramFacts p = program({submit, worker}, 1);
  ASSERT_EQ(p.bodies[0].spawns.size(), 1u);
  EXPECT_EQ(p.bodies[0].spawns[0].param, 0);
  EXPECT_TRUE(p.bodies[1].spawns.empty());
}

TEST(ValueFlow, NotWhenNoThreadRunsTheCall) {
  FunctionBody submit = body("submit"), worker = body("worker");
  submit.flows.push_back({"e:f:Pool::q", "p:submit#0", -1, "", false});
  worker.flows.push_back({"l:t", "e:f:Pool::q", -1, "", false});
  worker.invokes.push_back({"l:t", {}, false, {}});
  ProgramFacts p = program({submit, worker}, -1); // worker runs on the caller's thread
  EXPECT_TRUE(p.bodies[0].spawns.empty());
}

TEST(ValueFlow, TheArgumentsComeFromTheSpawnersOtherParameters) {
  FunctionBody launch = body("launch"), ignition = body("ignition");
  launch.flows.push_back({"f:capsule::probe", "p:launch#0", -1, "", false});
  launch.flows.push_back({"f:capsule::payload", "p:launch#1", -1, "", false});
  ignition.invokes.push_back({"f:capsule::probe", {"f:capsule::payload"}, false, {}});
  ProgramFacts p = program({launch, ignition}, 1);
  ASSERT_EQ(p.bodies[0].spawns.size(), 1u);
  ASSERT_TRUE(p.bodies[0].spawns[0].bind.params.count(0));
  EXPECT_EQ(p.bodies[0].spawns[0].bind.params.at(0).inst, "p#1");
}

TEST(ValueFlow, ACallThroughAValueWithOneTargetCallsIt) {
  FunctionBody setup = body("setup"), run = body("run"), handler = body("handler");
  setup.flows.push_back({"g:on_event", "", 2, "", false});
  run.invokes.push_back({"g:on_event", {}, false, {}});
  CallOp c;
  c.invoke = 0;
  run.calls.push_back(c);
  ProgramFacts p = program({setup, run, handler}, -1);
  EXPECT_EQ(p.bodies[1].calls[0].callee, 2);
}

TEST(ValueFlow, FieldsOnlyGivenFreshAllocationsAreFresh) {
  FunctionBody init = body("init");
  FlowEdge fresh;
  fresh.to = "f:Hash::head";
  fresh.fresh = true;
  init.flows.push_back(fresh);
  init.flows.push_back(fresh);
  fresh.to = "f:Hash::prev";
  init.flows.push_back(fresh);
  init.flows.push_back({"f:Hash::prev", "g:shared", -1, "", false});
  ProgramFacts p = program({init}, -1);
  EXPECT_EQ(p.freshFields, std::set<std::string>{"f:Hash::head"});
}

} // namespace
