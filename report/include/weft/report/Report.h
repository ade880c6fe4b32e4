// The one report model shared by `weft lint`, `weft run` and `weft replay`: plain data, no logic
// beyond defaults. JSON (de)serialisation lives in Json.h, the views in TextWriter.h /
// SarifWriter.h. docs/report-format.md and docs/report.schema.json are the contract for the JSON
// form.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace weft::report {

/// Version of the JSON report format; bumped on any incompatible change.
inline constexpr int kFormatVersion = 1;

/// Version of the schedule encoding inside a report (see Schedule).
inline constexpr int kScheduleVersion = 1;

/// Marks a non-thread choice in Schedule::choices (same as WEFT_VALUE_CHOICE in weft/protocol.h).
inline constexpr std::uint32_t kValueChoice = 0x80000000u;

/// A place in the source. `file` is relative to the report's `root` when it lies below it.
struct Location {
  std::string file;
  int line = 0;        ///< 1-based; 0 when unknown
  int column = 0;      ///< 1-based; 0 when unknown
  std::string snippet; ///< the text of the source line, trimmed; empty when unknown

  bool operator==(const Location &) const = default;
};

/// One frame of a stack, innermost first in Stack::frames.
struct StackFrame {
  std::string function; ///< demangled name, e.g. `Account::deposit(int)`
  Location location;
  std::string module;       ///< binary or shared object; empty for static findings
  std::uint64_t offset = 0; ///< offset of the return/access address inside `module`

  bool operator==(const StackFrame &) const = default;
};

/// A location that explains a finding: the other access, the thread creation site, a lock.
struct RelatedLocation {
  std::string message; ///< e.g. "previous write by thread T2", "thread T2 created here"
  Location location;
  std::vector<StackFrame> stack; ///< optional, for runtime findings

  bool operator==(const RelatedLocation &) const = default;
};

/// A thread involved in a finding.
struct ThreadInfo {
  int id = 0;                         ///< 0 is the main thread; others in creation order
  std::string name;                   ///< "main", "T1", or the entry function for static findings
  std::optional<Location> created_at; ///< absent for main
  std::string state;             ///< runtime: "running", "blocked", "finished"; empty for static
  std::string blocked_on;        ///< runtime: e.g. "pthread_mutex_lock(&m2)" when blocked
  std::vector<StackFrame> stack; ///< runtime: the thread's stack when the finding was raised

  bool operator==(const ThreadInfo &) const = default;
};

/// The exact interleaving of a runtime finding, enough for `weft replay` to force it.
/// `choices[i]` is the thread id that ran at scheduling step i; for choice points that are not
/// thread picks (a timed wait timing out, a spurious wake-up) it is kValueChoice | the value given.
struct Schedule {
  int version = kScheduleVersion;
  std::string strategy; ///< random | pct | dfs | replay
  std::uint64_t seed = 0;
  std::uint64_t iteration = 0; ///< which run of the exploration found it (0-based)
  std::vector<std::uint32_t> choices;
  /// Plain-access instructions that were scheduling points in that run ("module+0xoffset", the
  /// module relative to the report's root when below it). Which accesses are choice points shapes
  /// the step numbering, so replay needs them as much as the choices.
  std::vector<std::string> racy_pcs;

  bool operator==(const Schedule &) const = default;
};

enum class Severity { Note, Warning, Error };

/// One problem found. `rule` is stable (data-race, deadlock, lock-order-inversion, double-lock,
/// unlock-not-held, lock-leak, cv-wait-without-predicate, joinable-thread-destroyed,
/// detached-thread-captures-local, destroy-while-held, assertion-failure, crash, livelock,
/// timeout).
struct Finding {
  std::string rule;
  Severity severity = Severity::Warning;
  std::string message;
  std::string variable; ///< the shared variable as written in the source; empty when none
  Location location;    ///< primary location
  std::vector<RelatedLocation> related;
  std::vector<ThreadInfo> threads;
  std::vector<StackFrame> stack; ///< runtime: stack of the primary access/operation
  std::string fingerprint; ///< stable across unrelated edits; computed by fingerprint() if empty
  std::optional<Schedule> schedule; ///< runtime findings only

  bool operator==(const Finding &) const = default;
};

/// What `weft run` explored; absent for lint reports.
struct Exploration {
  std::string strategy;
  std::uint64_t seed = 0;
  std::uint64_t iterations = 0; ///< runs performed
  bool exhausted = false;       ///< dfs: the whole bounded space was explored
  int pct_depth = 0;
  int preemption_bound = -1; ///< -1: unbounded
  std::uint64_t max_steps = 0;

  bool operator==(const Exploration &) const = default;
};

/// One JSON document per run of either tool.
struct Report {
  int format_version = kFormatVersion;
  std::string tool = "weft";
  std::string tool_version;
  std::string command;             ///< "lint", "run", "replay" or "report" (merged)
  std::string root;                ///< directory paths are relative to
  std::vector<std::string> inputs; ///< files analysed, or the program and its arguments
  std::string started_at;          ///< ISO 8601 UTC; the only non-deterministic field
  std::optional<Exploration> exploration;
  std::vector<Finding> findings;
  std::vector<std::string> tool_errors; ///< e.g. files that failed to parse
  /// What the reader should know that is neither a finding nor an error: a bound the analysis
  /// hit (a recursive call cycle whose summaries were cut before they converged).
  std::vector<std::string> notes;

  bool operator==(const Report &) const = default;
};

} // namespace weft::report
