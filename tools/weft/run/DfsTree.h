// The driver's half of bounded depth-first search. The runtime follows a forced prefix and then
// runs without preemptions, reporting the enabled set at every step; the driver keeps the
// exploration path as a plain stack of branch records (as loom does) and picks the next unexplored
// alternative within the preemption bound. Nothing is kept per explored schedule, only the current
// path.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

namespace weft::run {

class DfsTree {
public:
  /// `preemptionBound` < 0: unbounded.
  explicit DfsTree(int preemptionBound);

  /// The choices the next run must follow first (empty for the first run), or nullopt when every
  /// schedule within the bound has been explored.
  std::optional<std::vector<std::uint32_t>> nextPrefix();

  /// Records the run that followed the last prefix: its choices and enabled sets (same length,
  /// or `enabled` empty when the runtime sent none) and the thread that reached each point
  /// (`running`: same length, or empty; an entry with WEFT_VALUE_CHOICE set is unknown). Where the
  /// running thread is unknown, the last recorded thread choice stands in for it, which is wrong
  /// after a switch the runtime made without a choice. Returns false when the run did not follow
  /// the prefix (the program is not deterministic under a fixed schedule); the tree stays usable.
  bool record(const std::vector<std::uint32_t> &choices,
              const std::vector<std::vector<std::uint32_t>> &enabled,
              const std::vector<std::uint32_t> &running = {});

  /// Runs recorded so far.
  std::uint64_t schedules() const { return schedules_; }
  /// True once nextPrefix() has returned nullopt.
  bool exhausted() const { return exhausted_; }
  /// Depth of the current path (for tests and progress).
  std::size_t depth() const { return path_.size(); }

  /// Whether choosing `next` at a step where `enabled` could run, reached by thread `previous`, is
  /// a preemption: `previous` could have gone on and was not chosen. Value choices never are.
  static bool isPreemption(std::optional<std::uint32_t> previous, std::uint32_t next,
                           const std::vector<std::uint32_t> &enabled);

private:
  struct Branch {
    std::uint32_t chosen = 0;
    std::vector<std::uint32_t> enabled;
    std::vector<std::uint32_t> tried;      ///< alternatives already explored here (incl. chosen)
    std::optional<std::uint32_t> previous; ///< the thread that reached this point
    int preemptionsBefore = 0;             ///< preemptions on the path above this step
  };

  int bound_;
  std::vector<Branch> path_;
  std::uint64_t schedules_ = 0;
  bool exhausted_ = false;
  bool started_ = false;
};

} // namespace weft::run
