// Re-expresses a callee's objects and locks in its caller's terms: `this` and `p#<i>` roots are
// replaced by what the call or thread creation bound them to. Used when a summary is applied at
// a call site and when a thread context is expanded.
#pragma once

#include "Model.h"

namespace weft::analyzer {

/// `r` seen from the caller. `foreign` is set when the result is a local of another frame.
ObjRef substitute(const ObjRef &r, const Bindings &b, bool *foreign = nullptr);

/// Substitutes every lock of a lockset.
std::vector<HeldLock> substitute(std::vector<HeldLock> locks, const Bindings &b);

/// The identity of the object `r` names (`inst`, with the member for a sub-object).
std::string identityString(const ObjRef &r);

/// An identity still rooted at `this` or a parameter: nothing bound it, so it is unknown.
bool isUnbound(const std::string &inst);

} // namespace weft::analyzer
