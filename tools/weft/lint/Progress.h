// The "[12/40] src/foo.cpp" line on stderr while files are analysed, redrawn in place. Only on a
// terminal: CI logs and redirected stderr get no progress noise.
#pragma once

#include <cstddef>
#include <mutex>
#include <string>

namespace weft::lint {

/// A thread-safe progress line; every call may come from any worker.
class Progress {
public:
  /// `enabled` false makes every call but print() a no-op.
  Progress(std::size_t total, bool enabled);
  ~Progress();

  /// True when stderr is a terminal (the default for `enabled`).
  static bool stderrIsTerminal();

  /// A file was started: shows "[n/total] name".
  void started(const std::string &name);
  /// Writes `text` (whole lines) to stderr above the progress line.
  void print(const std::string &text);
  /// Removes the progress line (at the end of the run).
  void clear();

private:
  void draw();

  std::mutex mutex_;
  std::size_t total_;
  std::size_t started_ = 0;
  bool enabled_;
  bool drawn_ = false;
  std::string line_;
};

} // namespace weft::lint
