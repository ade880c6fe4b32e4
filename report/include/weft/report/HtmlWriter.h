// A single self-contained HTML page for a report (inline CSS, no scripts), to attach to a CI run.
#pragma once

#include "weft/report/Report.h"
#include "weft/report/TextWriter.h"

#include <string>

namespace weft::report {

/// The page: a summary, then findings grouped by rule with locations, snippets, stacks, threads and
/// the replay command.
std::string toHtml(const Report &report, const TextOptions &options = {});

} // namespace weft::report
