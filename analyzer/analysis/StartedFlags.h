// Whether the started flags the whole program assumed (ValueFlow.cpp markFlaggedSites) hold on
// the expanded program. A flag that a function joining no thread sets idle again (pigz's
// in_init() writing `g.in_which = -1`) says "not running" truthfully only if its thread cannot
// be running where that happens, and only the expansion knows what runs where. No Clang here.
#pragma once

#include "Body.h"

#include <set>
#include <string>

namespace weft::analyzer {

/// The started flags (ThreadSite::startedFlag) stored idle somewhere their thread may still be
/// running (ThreadSite::unjoinedClears against the contexts of the site).
std::set<std::string> brokenStartedFlags(const ProgramFacts &program, const AnalysisResult &result);

} // namespace weft::analyzer
