// Fingerprints identify "the same bug" across runs, schedules and unrelated edits, so that merge
// can drop duplicates, baselines can suppress known findings and SARIF viewers can track results.
#pragma once

#include "weft/report/Report.h"

#include <string>

namespace weft::report {

/// 16 lowercase hex characters. Built from the rule, the variable, the file and
/// whitespace-normalised snippet of the primary and the related locations, and the innermost
/// function of the finding's and the related locations' stacks; never from line/column numbers,
/// messages, schedules, seeds or addresses. Locations and functions count as sets, so swapping
/// which access is primary (two schedules of one race) keeps the fingerprint.
std::string fingerprint(const Finding &finding);

/// Sets `fingerprint` on every finding of `report` that has none.
void assignFingerprints(Report &report);

} // namespace weft::report
