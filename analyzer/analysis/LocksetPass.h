// The flow-sensitive lockset pass over one extracted body (Body.h): the locks held and the
// threads running at every event, from which it writes the function's summary (Model.h): its
// accesses, calls and thread creations relative to its entry, the rule-neutral facts the checks
// decide on, and its effect on a caller. A backward pass adds which synchronisation objects are
// released after each access (release/acquire hand-offs). No Clang here.
#pragma once

#include "Body.h"

#include <vector>

namespace weft::analyzer {

/// The summary of `body`. A call applies `summaries[callee]`'s effect (a lock wrapper's lock, a
/// thread left running); callees not computed yet (a recursive cycle's first round) are empty.
FunctionSummary summarizeBody(const FunctionBody &body,
                              const std::vector<FunctionSummary> &summaries,
                              const std::vector<ThreadSite> &sites);

} // namespace weft::analyzer
