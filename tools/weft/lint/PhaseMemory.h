// The peak memory of each phase of `weft lint` (parsing and extracting every file; then the
// whole-program analysis), printed when WEFT_LINT_STATS=1 so bench/lint can show them side by
// side. Linux only (/proc/self); elsewhere the figures are unknown (-1).
#pragma once

namespace weft::lint {

/// The process's peak resident set since start or since the last resetPeakRss(), in KiB.
long peakRssKiB();

/// The process's resident set now, in KiB.
long currentRssKiB();

/// Starts a new peak: from now on peakRssKiB() reports the peak of what follows.
void resetPeakRss();

/// WEFT_LINT_STATS=1 in the environment.
bool statsRequested();

} // namespace weft::lint
