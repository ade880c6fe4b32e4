// The per-function side of the whole-program value flow (ValueFlow.h): where callables and the
// pointers handed to them go. Flow-insensitive and field-based, as a C++ programmer reads it:
// `capsule->probe = probe` makes every `capsule::probe` hold what the parameter `probe` holds;
// `tasks_.push(std::move(f))` makes the elements of every `Pool::tasks_` hold what `f` holds.
// Calls between analysed functions are not flows: the program expansion passes callables on
// through its bindings (CallOp::callables), so each concrete callable is seen where it is handed
// over, with that caller's objects.
#pragma once

#include "Body.h"

#include "clang/AST/Expr.h"

#include <string>
#include <vector>

namespace clang {
class CXXConstructorDecl;
class CXXMemberCallExpr;
class FunctionDecl;
class VarDecl;
} // namespace clang

namespace weft::analyzer {

class BodyExtractor;

/// A value an expression may have: a node's content, or a function (`fn`, `fnLink`).
struct FlowValue {
  std::string node;
  int fn = -1;
  std::string fnLink;
};

class ValueFlowExtractor {
public:
  ValueFlowExtractor(BodyExtractor &b, FunctionBody &out) : b_(b), out_(out) {}

  /// Records the flows of `body` (and of a constructor's member initialisers).
  void collect(const clang::FunctionDecl *fd, const clang::Stmt *body);
  /// The values an expression may have.
  std::vector<FlowValue> valuesOf(const clang::Expr *e, int depth = 0);
  /// The one node a value expression reads from, when it has one (for an invoke's callee and
  /// arguments); empty otherwise.
  std::string nodeOf(const clang::Expr *e);

private:
  void statement(const clang::Stmt *s);
  void flow(const std::string &to, const clang::Expr *from);
  void construct(const clang::CXXConstructorDecl *ctor, llvm::ArrayRef<const clang::Expr *> args);
  void containerInsert(const clang::CXXMemberCallExpr *mc);
  std::string varNode(const clang::VarDecl *vd) const;

  BodyExtractor &b_;
  FunctionBody &out_;
  const clang::FunctionDecl *fn_ = nullptr; ///< the function being collected
};

/// Is a parameter of this type a callable (a function pointer, a std::function, a functor or
/// lambda, a reference to one)? Callables handed to such parameters are CallOp::callables.
bool isCallableType(clang::QualType t);

} // namespace weft::analyzer
