// Merging reports (`weft report a.json b.json`): several runs or lint shards become one report.
#pragma once

#include "weft/report/Report.h"

#include <cstddef>
#include <utility>
#include <vector>

namespace weft::report {

/// One report with command "report": findings concatenated in input order with duplicate
/// fingerprints dropped (the first wins; missing fingerprints are computed first), tool_errors and
/// inputs concatenated (a list identical to an earlier input's is not repeated: several runs of
/// one program stay one program). Tool, version, root and started_at come from the first input.
/// When `origins` is given, it receives for each merged finding {input index, finding index}.
Report merge(const std::vector<Report> &reports,
             std::vector<std::pair<std::size_t, std::size_t>> *origins = nullptr);

} // namespace weft::report
