// Joins the per-function summaries into thread contexts: the initial thread runs the roots
// (main), each creation site starts a context running its entry. Every summary is expanded with
// the caller's lockset, running threads and bindings added (transitively, with a depth and
// recursion guard), giving absolute locksets, the lock-order graph and "what may run in parallel"
// for the checks. No Clang here: the input is ProgramFacts.
#pragma once

#include "Body.h"

namespace weft::analyzer {

/// Expands `facts` into thread contexts and accesses with absolute locksets.
AnalysisResult buildProgram(const ProgramFacts &facts);

} // namespace weft::analyzer
