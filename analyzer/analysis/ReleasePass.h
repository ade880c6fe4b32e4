// The backward release pass: which synchronisation objects are released on every path from a
// point to the function's end. What a thread writes before such a release is published to
// whoever acquires the object later, so each access and call of the summary gets a
// "released after" fact for each (HeldLock with SyncEdge::ReleasedAfter). No Clang here.
#pragma once

#include "Body.h"

#include <vector>

namespace weft::analyzer {

/// An event of a body: block index and position in it.
struct EventPos {
  int block = -1, event = -1;
};

/// Adds the released-after facts to `out`'s accesses and calls (`accessAt` / `callAt` say where
/// each was recorded) and sets `out.syncReleased`. Callees' releases come from `summaries`.
void addReleases(const FunctionBody &body, const std::vector<FunctionSummary> &summaries,
                 const std::vector<EventPos> &accessAt, const std::vector<EventPos> &callAt,
                 FunctionSummary &out);

} // namespace weft::analyzer
