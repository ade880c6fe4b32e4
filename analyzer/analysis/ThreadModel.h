// Thread entries: which function a thread creation runs (a function, a lambda, a functor's
// operator(), a member function with its object) and which of the spawner's objects its `this`
// and parameters refer to. The lifetime side (create/join ordering, loops, self-parallelism) is
// computed by the lockset pass (Lockset.h) and the program expansion (Program.h).
#pragma once

#include "LockModel.h"
#include "Model.h"
#include "Naming.h"

#include <string>
#include <vector>

namespace clang {
class FunctionDecl;
}

namespace weft::analyzer {

/// What a thread creation runs.
struct ThreadEntry {
  const clang::FunctionDecl *fn = nullptr; ///< the code the thread runs; null when unknown
  Bindings bind;                           ///< its `this` and parameter targets
  std::string name;                        ///< for reports: `worker`, `Account::run`, `lambda`
  /// Locals of the spawner the thread reaches by reference (captures, std::ref, &local).
  std::vector<std::pair<std::string, report::Location>> localsByRef;
};

/// Resolves the callable and arguments of a creation (or of std::call_once).
ThreadEntry resolveThreadEntry(const SyncOp &op, const NamingScope &spawner);

/// A callable expression without what only moves or wraps it (parentheses, implicit casts,
/// temporaries, copies and moves): the function name, lambda or variable written.
const clang::Expr *stripCallable(const clang::Expr *e);

} // namespace weft::analyzer
