// The baseline: the fingerprints of findings a team has accepted for now, committed next to the
// code, so that `weft lint --baseline` fails only on new findings. Rule, file, variable and
// message are stored too, for the humans reviewing the file; only the fingerprint is matched.
#pragma once

#include "weft/report/Report.h"

#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

namespace weft::lint {

/// Version of the baseline file format; a file with another version is rejected.
inline constexpr int kBaselineVersion = 1;

/// A baseline file that cannot be used; what() is one line naming the file and the problem.
struct BaselineError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// One accepted finding.
struct BaselineEntry {
  std::string fingerprint;
  std::string rule, file, variable, message; ///< for readers of the file only
};

/// The JSON text of a baseline holding `findings` (which must have fingerprints), in their order.
std::string baselineText(const std::vector<report::Finding> &findings);

/// Parses baseline JSON text; `source` names it in errors. Throws BaselineError.
std::vector<BaselineEntry> parseBaseline(const std::string &text, const std::string &source);

/// Reads and parses the baseline file at `path`. Throws BaselineError.
std::vector<BaselineEntry> readBaselineFile(const std::string &path);

/// Removes the findings whose fingerprint is in the baseline and returns how many. Each entry
/// accepts one finding: if a fingerprint appears twice now but once in the baseline, one of the
/// two is new.
std::size_t removeBaselined(std::vector<report::Finding> &findings,
                            const std::vector<BaselineEntry> &baseline);

} // namespace weft::lint
