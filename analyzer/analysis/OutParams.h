// Out-parameters over the whole program (Body.h OutParam, FilledPointee; ExtractOutParams.cpp).
// An out-parameter gives only fresh objects when every store through it is a fresh allocation
// or null and every call it is handed on to gives only fresh objects too (for a virtual call:
// every override the program defines, and at least one function must be known). The largest
// such set is taken, so forwarding cycles (a test Env wrapping the Env it derives from) hold.
// A local pointer filled only by such out-parameters then points to its frame's own object, as
// one assigned `new` does. No Clang here.
#pragma once

#include "Body.h"

namespace weft::analyzer {

/// Adds to each body's ownedPointees the filled pointees whose out-parameters give only fresh
/// objects (on a linked program, before summarizeProgram).
void resolveOutParams(ProgramFacts &program);

} // namespace weft::analyzer
