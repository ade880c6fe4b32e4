// Whole-program summaries: after the files are linked, every body is interpreted bottom-up over
// the call graph's strongly connected components, so a callee in any file applies its lock
// effects at every call site exactly as if it were in the caller's file. A recursive cycle is
// iterated to a fixpoint, bounded; a cycle cut at the bound is listed in cutCycles.
#pragma once

#include "Body.h"

namespace weft::analyzer {

/// Rounds a recursive cycle is iterated before its summaries are taken as they are.
inline constexpr int kMaxCycleRounds = 8;

/// Fills `program.functions` (one summary per body). `maxCycleRounds` bounds each recursive
/// cycle's iteration (a cycle needs two rounds at least: one to compute, one to see it settled).
void summarizeProgram(ProgramFacts &program, int maxCycleRounds = kMaxCycleRounds);

} // namespace weft::analyzer
