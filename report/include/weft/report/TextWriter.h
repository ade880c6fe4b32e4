// The terminal view of a report, in clang's diagnostic style, so editors and people read it as they
// read compiler output: `file:line:col: warning: message [weft-rule]` followed by `note:` lines.
#pragma once

#include "weft/report/Report.h"

#include <string>

namespace weft::report {

/// How to render text.
struct TextOptions {
  /// Path of the report file, used in the "replay with" command; "REPORT.json" when empty.
  std::string reportPath;
  /// ANSI colours as clang uses them; off by default.
  bool color = false;
};

/// The whole report as text, ending with a summary line ("3 findings (2 data-race, 1 deadlock)"
/// or "no findings").
std::string toText(const Report &report, const TextOptions &options = {});

} // namespace weft::report
