// Shared AST helpers of the body extraction (see AstHelpers.h).
#include "AstHelpers.h"

#include "Naming.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"

namespace weft::analyzer {

using namespace clang;

const Expr *stripExpr(const Expr *e, unsigned flags) {
  while (e) {
    e = e->IgnoreParenImpCasts();
    if (auto *m = dyn_cast<MaterializeTemporaryExpr>(e))
      e = m->getSubExpr();
    else if (auto *c = dyn_cast<CXXFunctionalCastExpr>(e))
      e = c->getSubExpr();
    else if (auto *x = dyn_cast<ExplicitCastExpr>(e); x && (flags & StripExplicitCasts))
      e = x->getSubExpr();
    else if (auto *b = dyn_cast<CXXBindTemporaryExpr>(e); b && (flags & StripTemporaries))
      e = b->getSubExpr();
    else if (auto *ec = dyn_cast<ExprWithCleanups>(e); ec && (flags & StripTemporaries))
      e = ec->getSubExpr();
    else if (auto *ce = dyn_cast<CXXConstructExpr>(e);
             ce && (flags & StripCopies) && ce->getNumArgs() == 1 &&
             ce->getConstructor()->isCopyOrMoveConstructor())
      e = ce->getArg(0);
    else if (auto *call = dyn_cast<CallExpr>(e);
             call && (flags & StripStdMove) && call->getDirectCallee() &&
             call->getDirectCallee()->isInStdNamespace() &&
             call->getDirectCallee()->getIdentifier() &&
             call->getDirectCallee()->getName() == "move" && call->getNumArgs() == 1)
      e = call->getArg(0);
    else
      return e;
  }
  return e;
}

bool isWrapper(const Stmt *s) {
  return isa<ImplicitCastExpr, MaterializeTemporaryExpr, CXXBindTemporaryExpr,
             CXXFunctionalCastExpr, ExprWithCleanups, ParenExpr>(s) ||
         (isa<CXXConstructExpr>(s) && cast<CXXConstructExpr>(s)->getNumArgs() == 1 &&
          cast<CXXConstructExpr>(s)->getConstructor()->isCopyOrMoveConstructor());
}

bool isLoopStmt(const Stmt *s) { return isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(s); }

bool isStdCallableWrapper(QualType t) {
  return isStdClass(t, {"function", "move_only_function", "packaged_task"});
}

const FunctionDecl *functorCallOperator(QualType t) {
  const auto *rd = t.getNonReferenceType()->getAsCXXRecordDecl();
  if (!rd || !rd->hasDefinition())
    return nullptr;
  for (const auto *md : rd->methods())
    if (md->getOverloadedOperator() == OO_Call)
      return md;
  return nullptr;
}

bool hasProjectBody(const FunctionDecl *fd, const SourceManager &sm, const FunctionDecl **def) {
  const FunctionDecl *d = nullptr;
  if (!fd || !fd->hasBody(d) || !d || d->isDependentContext())
    return false;
  if (sm.isInSystemHeader(sm.getExpansionLoc(d->getLocation())))
    return false;
  if (def)
    *def = d;
  return true;
}

} // namespace weft::analyzer
