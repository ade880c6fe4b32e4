// The sample reports of SampleReports.h.
#include "SampleReports.h"

namespace weft::report::testing {

Report lintSample() {
  Report r;
  r.tool_version = "0.1.0";
  r.command = "lint";
  r.root = "/src/bank";
  r.inputs = {"src/bank.cpp", "src/main.cpp"};
  r.started_at = "2026-11-22T00:00:00Z";

  Finding race;
  race.rule = "data-race";
  race.message = "'Account::balance_' is written here without a lock and read in another thread";
  race.variable = "Account::balance_";
  race.location = {"src/bank.cpp", 12, 5, "balance_ += amount;"};
  race.related.push_back({"read in thread entry 'audit' without a lock",
                          {"src/bank.cpp", 30, 12, "return balance_;"},
                          {}});
  race.related.push_back(
      {"thread started here", {"src/main.cpp", 8, 15, "std::thread t(audit);"}, {}});
  race.threads.push_back(
      {1, "deposit", Location{"src/main.cpp", 7, 15, "std::thread d(deposit);"}, "", "", {}});
  race.threads.push_back(
      {2, "audit", Location{"src/main.cpp", 8, 15, "std::thread t(audit);"}, "", "", {}});
  r.findings.push_back(race);

  Finding order;
  order.rule = "lock-order-inversion";
  order.message = "mutexes 'a.m' and 'b.m' are locked in opposite orders";
  order.location = {"src/bank.cpp", 20, 3, "std::lock_guard g2(to.m);"};
  order.related.push_back(
      {"'b.m' then 'a.m' here", {"src/bank.cpp", 27, 3, "std::lock_guard g2(from.m);"}, {}});
  r.findings.push_back(order);
  return r;
}

Report runSample() {
  Report r;
  r.tool_version = "0.1.0";
  r.command = "run";
  r.root = "/src/counter dir";
  r.inputs = {"./counter", "--name", "two words"};
  r.started_at = "2026-11-22T00:00:01Z";
  r.exploration = Exploration{"pct", 42, 17, false, 3, -1, 20000000};

  Finding race;
  race.rule = "data-race";
  race.severity = Severity::Error;
  race.message = "data race on 'counter': write by T2 after read by T1";
  race.variable = "counter";
  race.location = {"src/counter.cpp", 9, 13, "counter = counter + 1;"};
  race.stack = {{"work()", {"src/counter.cpp", 9, 13, ""}, "/src/counter dir/counter", 0x1240},
                {"start_thread", {}, "/lib/x86_64-linux-gnu/libc.so.6", 0x89134}};
  race.related.push_back(
      {"previous read by thread T1",
       {"src/counter.cpp", 9, 15, "counter = counter + 1;"},
       {{"work()", {"src/counter.cpp", 9, 15, ""}, "/src/counter dir/counter", 0x1234}}});
  race.threads.push_back(
      {0,
       "main",
       std::nullopt,
       "blocked",
       "pthread_join(T1)",
       {{"main", {"src/counter.cpp", 16, 5, ""}, "/src/counter dir/counter", 0x1300}}});
  race.threads.push_back(
      {1, "T1", Location{"src/counter.cpp", 14, 15, "std::thread a(work);"}, "running", "", {}});
  race.threads.push_back(
      {2, "T2", Location{"src/counter.cpp", 15, 15, "std::thread b(work);"}, "running", "", {}});
  race.schedule = Schedule{kScheduleVersion, "pct", 42, 16, {0, 0, 1, 2, 1, kValueChoice | 1, 2}, {"bin/counter+0x1234"}};
  r.findings.push_back(race);

  Finding deadlock;
  deadlock.rule = "deadlock";
  deadlock.severity = Severity::Error;
  deadlock.message = "deadlock: T1 and T2 each wait for a mutex the other holds";
  deadlock.location = {"src/counter.cpp", 22, 3, "m2.lock();"};
  deadlock.threads.push_back(
      {1,
       "T1",
       Location{"src/counter.cpp", 30, 15, ""},
       "blocked",
       "pthread_mutex_lock(&m2)",
       {{"left()", {"src/counter.cpp", 22, 3, ""}, "/src/counter dir/counter", 0x1400}}});
  deadlock.threads.push_back(
      {2,
       "T2",
       Location{"src/counter.cpp", 31, 15, ""},
       "blocked",
       "pthread_mutex_lock(&m1)",
       {{"right()", {"src/counter.cpp", 26, 3, ""}, "/src/counter dir/counter", 0x1480}}});
  deadlock.schedule = Schedule{kScheduleVersion, "pct", 42, 16, {0, 1, 2, 1, 2}, {}};
  r.findings.push_back(deadlock);
  return r;
}

Report minimalSample() {
  Report r;
  r.command = "lint";
  Finding f;
  f.rule = "double-lock";
  f.message = "'m' is locked twice";
  f.location.file = "a.cpp";
  r.findings.push_back(f);
  return r;
}

} // namespace weft::report::testing
