// The fixed sequence that turns the analyser's raw findings into a report's findings. Kept apart
// from the command so the whole sequence (and its order) is tested on synthetic findings.
#pragma once

#include "SourceLines.h"

#include "weft/report/Report.h"

#include <cstddef>
#include <filesystem>

namespace weft::lint {

/// Over `report.findings` (absolute paths, as the analyser returns them): fill empty snippets,
/// drop the findings a NOLINT comment suppresses, make paths relative to `root`, sort and
/// de-duplicate, assign fingerprints. Returns how many NOLINT comments suppressed.
std::size_t finishFindings(report::Report &report, const std::filesystem::path &root,
                           SourceLines &sources);

} // namespace weft::lint
