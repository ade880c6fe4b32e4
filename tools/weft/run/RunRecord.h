// What one run of the program under test told the driver, as raw data: addresses, not names. The
// event stream parser fills it line by line (so a run that dies midway leaves everything it said),
// the process runner adds how the process ended, and the report builder turns it into findings.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace weft::run {

/// A loaded object at the start of the run (`module base=... path=...`).
struct Module {
  std::uint64_t base = 0;
  std::string path;
};

/// One memory access of a finding (`access ...`).
struct RawAccess {
  int tid = 0;
  bool write = false;
  bool atomic = false;
  std::uint64_t addr = 0;
  std::uint64_t size = 0;
  std::vector<std::uint64_t> stack; ///< innermost first; the access pc first
};

/// A lock edge, a blocked thread or a thread's state at the finding (`lock`, `blocked`,
/// `threadstate`): a thread, an address, a word and a stack.
struct RawThreadEvent {
  int tid = 0;
  std::uint64_t addr = 0;
  std::string op;    ///< lock: "acquire"; blocked: the operation, e.g. "pthread_mutex_lock"
  std::string state; ///< threadstate only
  std::vector<std::uint64_t> stack;
  std::uint64_t held = 0;               ///< lock only: the lock held when `addr` was acquired
  std::vector<std::uint64_t> heldStack; ///< lock only: where `held` had been acquired
};

/// A finding as the runtime streamed it (`finding` ... `end-finding`).
struct RawFinding {
  std::string rule;
  int tid = 0;
  std::uint64_t addr = 0;
  std::uint64_t size = 0;
  std::string text;
  std::string exceptionType;  ///< crash: mangled type of the uncaught exception (`exception=`)
  bool exceptionWhat = false; ///< text is that exception's what() (`what=1`)
  std::vector<RawAccess> accesses;
  std::vector<RawThreadEvent> locks;
  std::vector<RawThreadEvent> blocked;
  std::vector<RawThreadEvent> threadStates;
  bool complete = false; ///< `end-finding` was seen
};

/// A thread creation (`thread tid=T parent=P stack=...`).
struct RawThread {
  int parent = -1;
  std::vector<std::uint64_t> stack;
};

/// One parsed `steps` token: the choice made and, in dfs mode, what else was enabled there.
struct StepChoice {
  std::uint32_t choice = 0;             ///< thread id, or kValueChoice | value
  std::vector<std::uint32_t> enabled;   ///< dfs only: thread ids (or values) that could run
  std::optional<std::uint32_t> running; ///< dfs only: the thread that reached the point
};

/// RunRecord::running at a step whose token named no thread (a value choice).
constexpr std::uint32_t kNoThread = 0xffffffffu;

/// Everything a run streamed, in the order it came.
struct RunRecord {
  bool hello = false;
  int version = 0;
  std::string strategy;
  std::uint64_t seed = 0;
  std::vector<Module> modules;
  /// Scheduling choices in order: a thread id, or kValueChoice | value.
  std::vector<std::uint32_t> choices;
  /// dfs only: the enabled set at each step (empty, or as long as `choices` once any step had one);
  /// kept apart from `choices` so that 10^6 steps of a random run cost 4 MB, not 32.
  std::vector<std::vector<std::uint32_t>> enabled;
  /// dfs only: the thread that reached each point (empty, or as long as `choices`; kNoThread at
  /// value choices). It differs from the last recorded choice after a switch nobody chose.
  std::vector<std::uint32_t> running;
  std::map<int, RawThread> threads;
  std::vector<std::uint64_t> racyPcs;
  std::vector<RawFinding> findings;
  std::optional<int> exitStatus; ///< from an `exit` line
  std::optional<std::uint64_t> divergedStep;
  std::string divergedText;
  std::vector<std::string> malformed; ///< lines that could not be parsed (kept for diagnostics)
};

/// How the process ended, as waitpid and the driver's clock saw it.
struct ProcessEnd {
  bool exited = false; ///< exited normally; `status` holds the exit status
  int status = 0;
  bool signaled = false; ///< killed by `signal`
  int signal = 0;
  bool timedOut = false;    ///< the driver killed it after --timeout
  bool startFailed = false; ///< exec failed (the program does not exist, is not executable)
  std::string startError;
  std::string stderrTail; ///< the last lines the program wrote to stderr (when captured)
};

/// A run: its stream and its end.
struct RunResult {
  std::uint64_t iteration = 0;
  std::uint64_t seed = 0;
  RunRecord record;
  ProcessEnd end;
};

} // namespace weft::run
