// The terminal view of a report, in clang's diagnostic style, so editors and people read it as they
// read compiler output: `file:line:col: warning: message [weft-rule]` followed by `note:` lines.
#pragma once

#include "weft/report/Report.h"

#include <cstddef>
#include <string>
#include <vector>

namespace weft::report {

/// Where a finding's schedule can be replayed from: a report file, the finding's index in it, and
/// the program with its arguments.
struct ReplaySource {
  std::string reportPath;
  std::size_t finding = 0;
  std::vector<std::string> program;
};

/// How to render text (and HTML).
struct TextOptions {
  /// Path of the report file, used in the "replay with" command; "REPORT.json" when empty.
  std::string reportPath;
  /// ANSI colours as clang uses them; off by default.
  bool color = false;
  /// For merged reports: per finding (same order as Report::findings), where its schedule came
  /// from. When empty, replay commands use reportPath, the finding's index and, for run and
  /// replay reports, Report::inputs as the program.
  std::vector<ReplaySource> replaySources;
};

/// Quotes an argument for a POSIX shell only when it needs it, so printed commands paste.
std::string shellQuote(const std::string &arg);

/// The shell command that replays finding `index` of `report` (quoted for a POSIX shell).
std::string replayCommand(const Report &report, std::size_t index, const TextOptions &options);

/// The whole report as text, ending with a summary line ("3 findings (2 data-race, 1 deadlock)"
/// or "no findings").
std::string toText(const Report &report, const TextOptions &options = {});

} // namespace weft::report
