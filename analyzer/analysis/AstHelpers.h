// Small AST helpers the body extraction shares: seeing through what only wraps an expression,
// finding attributes on any redeclaration, and deciding which bodies the analysis follows.
#pragma once

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"

#include <vector>

namespace clang {
class SourceManager;
}

namespace weft::analyzer {

/// What stripExpr sees through besides parentheses, implicit casts, materialised temporaries and
/// functional casts.
enum StripFlags : unsigned {
  StripExplicitCasts = 1, ///< static_cast, C-style casts... (naming: the object cast is the same)
  StripTemporaries = 2,   ///< bound temporaries and full-expression cleanups
  StripCopies = 4,        ///< a copy or move construction of the one argument
  StripStdMove = 8,       ///< std::move(x)
};

/// `e` without what only wraps it, as `flags` say. One helper for the naming (casts), the
/// extraction (temporaries, std::move) and the callables of thread entries (temporaries, copies).
const clang::Expr *stripExpr(const clang::Expr *e, unsigned flags);

/// The extraction's view: through temporaries and std::move(x).
inline const clang::Expr *stripWrappers(const clang::Expr *e) {
  return stripExpr(e, StripTemporaries | StripStdMove);
}

/// A node that only wraps its child (a cast, a temporary, a copy or move construction).
bool isWrapper(const clang::Stmt *s);

/// A body the analysis follows: written in the main file or in one of the project's headers.
/// System headers (the standard library, `-isystem` paths) are never walked: LockModel knows
/// their synchronisation, and walking them would cost far more than parsing them. `*def` is the
/// definition.
bool hasProjectBody(const clang::FunctionDecl *fd, const clang::SourceManager &sm,
                    const clang::FunctionDecl **def = nullptr);

/// A fresh allocation only its caller can reach: malloc(), calloc(), realloc(), new, a wrapper
/// returning only those, a call through an allocator pointer that starts as malloc (ExtractFresh).
bool isFreshAllocation(const clang::Expr *e, int depth = 0);

/// A for, while, do or range-for statement.
bool isLoopStmt(const clang::Stmt *s);

/// A standard wrapper that holds a callable: std::function, move_only_function, packaged_task.
bool isStdCallableWrapper(clang::QualType t);

/// The call operator of a functor or lambda type (through references), or null.
const clang::FunctionDecl *functorCallOperator(clang::QualType t);

/// The attribute `A` on any declaration of `fd`.
template <class A> const A *findAttr(const clang::FunctionDecl *fd) {
  for (const clang::FunctionDecl *r : fd->redecls())
    if (const A *a = r->template getAttr<A>())
      return a;
  return nullptr;
}

/// Calls `f` on `body` and every statement under it, lambdas' bodies excepted (functions of
/// their own).
template <class F> void forEachStmt(const clang::Stmt *body, F &&f) {
  std::vector<const clang::Stmt *> todo{body};
  while (!todo.empty()) {
    const clang::Stmt *s = todo.back();
    todo.pop_back();
    f(s);
    for (const clang::Stmt *c : s->children())
      if (c && !clang::isa<clang::LambdaExpr>(c))
        todo.push_back(c);
  }
}

} // namespace weft::analyzer
