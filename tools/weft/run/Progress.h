// The one-line progress display of `weft run` on a terminal: runs done, schedules per second,
// findings. Silent when stderr is not a terminal, so logs and CI output stay clean.
#pragma once

#include <chrono>
#include <cstdint>

namespace weft::run {

class Progress {
public:
  /// `enabled`: draw at all (the caller checks isatty(2)).
  Progress(bool enabled, std::uint64_t total);
  /// Redraws at most every 100 ms.
  void update(std::uint64_t done, std::uint64_t findings);
  /// Erases the line.
  void finish();
  /// Schedules per second since construction.
  double rate(std::uint64_t done) const;

private:
  bool enabled_;
  bool drawn_ = false;
  std::uint64_t total_;
  std::chrono::steady_clock::time_point start_, last_;
};

} // namespace weft::run
