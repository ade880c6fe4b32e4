// Which function a call runs when its callee is not written directly: a virtual call whose
// dynamic type is known (a final method or class, an object of known type, a local pointer or
// reference initialised with `&derived`, `derived` or `new Derived`), or a call through a
// function pointer or a `std::function` initialised from a function or a lambda in the TU.
#pragma once

namespace clang {
class CallExpr;
class FunctionDecl;
} // namespace clang

namespace weft::analyzer {

/// The function `call` runs (its direct callee when nothing better is known), or nullptr when it
/// is not known. `*firstArg` is where the target's own arguments start in `call->arguments()`:
/// 1 for a call through a `std::function`, whose first argument is the std::function itself
/// (the target then has no object to bind: a lambda's captures name the enclosing frame's
/// objects themselves), else 0.
const clang::FunctionDecl *resolveCallTarget(const clang::CallExpr *call, unsigned *firstArg);

} // namespace weft::analyzer
