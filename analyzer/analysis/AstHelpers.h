// Small AST helpers the body extraction shares: seeing through what only wraps an expression,
// finding attributes on any redeclaration, and deciding which bodies the analysis follows.
#pragma once

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"

namespace clang {
class SourceManager;
}

namespace weft::analyzer {

/// An expression without what only wraps or moves it: parentheses, implicit casts, temporaries,
/// functional casts, cleanups and std::move(x).
const clang::Expr *stripWrappers(const clang::Expr *e);

/// A node that only wraps its child (a cast, a temporary, a copy or move construction).
bool isWrapper(const clang::Stmt *s);

/// A body the analysis follows: written in the main file or in one of the project's headers.
/// System headers (the standard library, `-isystem` paths) are never walked: LockModel knows
/// their synchronisation, and walking them would cost far more than parsing them. `*def` is the
/// definition.
bool hasProjectBody(const clang::FunctionDecl *fd, const clang::SourceManager &sm,
                    const clang::FunctionDecl **def = nullptr);

/// The attribute `A` on any declaration of `fd`.
template <class A> const A *findAttr(const clang::FunctionDecl *fd) {
  for (const clang::FunctionDecl *r : fd->redecls())
    if (const A *a = r->template getAttr<A>())
      return a;
  return nullptr;
}

} // namespace weft::analyzer
