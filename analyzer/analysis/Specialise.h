// Copies of functions for calls that pass a constant their branches test: pigz's
// `outb(NULL, NULL, 0)`, whose `if (len == 0 ...)` joins the threads the other calls leave
// running. The copy lacks the edges the constant rules out (Block::paramTest), so its summary
// (a join on every path, no accesses of the branch not taken) is what that call sees. One level:
// the copies' own calls go to the originals. No Clang here.
#pragma once

#include "Body.h"

namespace weft::analyzer {

/// Adds the copies to `program.bodies` and points the calls at them (after resolveValueFlow,
/// before summarizeProgram).
void specialiseConstantCalls(ProgramFacts &program);

} // namespace weft::analyzer
