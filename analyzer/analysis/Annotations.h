// Clang thread-safety annotations on data: GUARDED_BY(m) names the lock that protects a field or
// global, PT_GUARDED_BY(m) the lock that protects what a pointer points to. The lockset pass
// honours the function annotations (REQUIRES, ACQUIRE...) itself; this file only answers which
// lock an access is declared to need, so the data-race check can hold the code to it.
#pragma once

#include "Model.h"
#include "Naming.h"

namespace weft::analyzer {

/// The lock the accessed object is declared guarded by, named like any held lock and rooted at
/// the object the annotated member belongs to (`a.balance_` → `a.mu_`); invalid when the access
/// touches nothing annotated.
ObjRef declaredGuard(const clang::Expr *access, const NamingScope &scope);

} // namespace weft::analyzer
