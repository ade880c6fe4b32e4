// Merging reports (`weft report a.json b.json`): several runs or lint shards become one report.
#pragma once

#include "weft/report/Report.h"

#include <vector>

namespace weft::report {

/// One report with command "report": findings concatenated in input order with duplicate
/// fingerprints dropped (the first wins; missing fingerprints are computed first), tool_errors and
/// inputs concatenated. Tool, version, root and started_at come from the first input.
Report merge(const std::vector<Report> &reports);

} // namespace weft::report
