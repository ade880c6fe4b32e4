// Fingerprints identify "the same bug" across runs, schedules and unrelated edits, so that merge can
// drop duplicates, baselines can suppress known findings and SARIF viewers can track results.
#pragma once

#include "weft/report/Report.h"

#include <string>

namespace weft::report {

/// 16 lowercase hex characters. Built from the rule, the variable, the primary location's file and
/// whitespace-normalised snippet, the innermost stack frame's function (if any) and the related
/// locations' snippets; never from line/column numbers, schedules, seeds or addresses.
std::string fingerprint(const Finding &finding);

/// Sets `fingerprint` on every finding of `report` that has none.
void assignFingerprints(Report &report);

} // namespace weft::report
