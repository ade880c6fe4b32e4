// Ownership through pointer fields, settled once the whole program is linked. A thread owns the
// record it was handed (`&workers[i]`), or took out of a queue; what the record's pointer fields
// lead to is the thread's own too only when those fields only ever hold fresh allocations or
// objects their storer owned (each record its own buffer), not when they point back at something
// shared (`w->pool`). The extraction notes which fields each owned access, and each hand-over, goes
// through (AccessOp::ownedThrough, Bindings::handedThrough); here the claims through other fields
// are dropped. No Clang here.
#pragma once

#include "Body.h"

namespace weft::analyzer {

/// Drops ownership claims through fields not in program.ownedFields (after resolveValueFlow).
void settleOwnedFields(ProgramFacts &program);

} // namespace weft::analyzer
