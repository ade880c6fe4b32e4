// A pthread mutex is recursive only by how it was initialised: `pthread_mutexattr_settype(&a,
// PTHREAD_MUTEX_RECURSIVE)` then `pthread_mutex_init(&m, &a)`, or the static initialiser
// `PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP`. Its type says nothing, so one look over the
// translation unit finds those mutexes before the lockset pass decides what a re-lock means.
#pragma once

#include "llvm/ADT/ArrayRef.h"

#include <set>
#include <string>

namespace clang {
class ASTContext;
class FunctionDecl;
} // namespace clang

namespace weft::analyzer {

/// Canonical names (ObjRef::name, as locks are named) of the pthread mutexes that `fns` (and the
/// main file's variables) make recursive. By name, not by object: a field initialised recursive
/// in a constructor is recursive in every object of its class.
std::set<std::string> recursivePthreadMutexes(clang::ASTContext &ctx,
                                              llvm::ArrayRef<const clang::FunctionDecl *> fns);

} // namespace weft::analyzer
