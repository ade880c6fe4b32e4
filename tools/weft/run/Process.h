// One run of the program under test as a child process: fork/exec with the run's environment and
// the event pipe, read the stream as it comes, enforce the time limit, reap. Several children run
// at once under one poll loop (ChildSet), so -j N needs no threads in the driver.
#pragma once

#include "RunRecord.h"

#include <chrono>
#include <memory>
#include <string>
#include <sys/types.h>
#include <utility>
#include <vector>

namespace weft::run {

/// How to start one run.
struct LaunchSpec {
  std::vector<std::string> argv; ///< program and arguments; argv[0] is looked up in PATH
  /// Variables to set (overriding the inherited ones); inherited protocol variables
  /// (WEFT_STRATEGY, WEFT_SCHEDULE_FILE, ...) are always cleared first.
  std::vector<std::pair<std::string, std::string>> env;
  bool showOutput = false; ///< keep the program's stdout/stderr; else stdout goes to /dev/null and
                           ///< stderr is captured (its tail explains a crash)
  int cpu = -1;            ///< pin the child to this CPU (index into the allowed set); -1: don't
  double timeoutSeconds = 10; ///< kill the process group after this long; <= 0: no limit
};

/// A started child. Owned by a ChildSet, which drives it.
class Child {
public:
  ~Child();
  std::uint64_t tag = 0; ///< the caller's number for this run (its iteration)
  bool done() const { return done_; }
  /// The stream and how the process ended; complete once done().
  RunResult &result() { return result_; }

private:
  friend class ChildSet;
  pid_t pid_ = -1;
  int eventFd_ = -1;
  int stderrFd_ = -1;
  bool reaped_ = false;
  bool done_ = false;
  std::string pending_;
  std::chrono::steady_clock::time_point deadline_;
  bool hasDeadline_ = false;
  RunResult result_;
};

/// Runs children concurrently and tells which finished.
class ChildSet {
public:
  ChildSet();
  ~ChildSet(); ///< kills what is still running
  ChildSet(const ChildSet &) = delete;
  ChildSet &operator=(const ChildSet &) = delete;

  /// Starts a child. A program that cannot be started still yields a finished child whose
  /// result().end has startFailed and startError set.
  Child *start(const LaunchSpec &spec, std::uint64_t tag);

  /// Waits until at least one child finishes (or nothing runs), reading streams meanwhile, and
  /// returns the finished children in start order. Ownership passes to the caller.
  std::vector<std::unique_ptr<Child>> wait();

  /// Kills every running child whose tag is greater than `tag` and forgets it.
  void cancelAbove(std::uint64_t tag);

  std::size_t running() const { return children_.size(); }

private:
  void readFrom(Child &child, int &fd, bool events);
  void finish(Child &child);
  std::vector<std::unique_ptr<Child>> children_;
};

/// The number of CPUs this process may run on (sched_getaffinity), at least 1.
int allowedCpuCount();

/// A readable description of how a process ended, e.g. "killed by signal 9 (SIGKILL)".
std::string describeEnd(const ProcessEnd &end);

} // namespace weft::run
