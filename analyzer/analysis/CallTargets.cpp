// Resolution of virtual and indirect calls (see CallTargets.h).
#include "CallTargets.h"

#include "Naming.h"
#include "ThreadModel.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

namespace weft::analyzer {

using namespace clang;

namespace {

/// A local or global variable's initialiser. The variable may be reassigned later; like a
/// pointer's first target (analyzer-internals.md), the initialiser is taken as what it holds.
const Expr *initOf(const Expr *e) {
  if (auto *dre = dyn_cast<DeclRefExpr>(e))
    if (auto *vd = dyn_cast<VarDecl>(dre->getDecl()); vd && !isa<ParmVarDecl>(vd))
      return vd->getInit();
  return nullptr;
}

/// The function a callable value holds: a function, `&function`, a lambda, a std::function or
/// function pointer variable initialised with one of those.
const FunctionDecl *heldFunction(const Expr *e, int depth = 0) {
  e = stripCallable(e);
  if (!e || depth > 4)
    return nullptr;
  if (auto *uo = dyn_cast<UnaryOperator>(e); uo && uo->getOpcode() == UO_AddrOf)
    return heldFunction(uo->getSubExpr(), depth + 1);
  if (auto *dre = dyn_cast<DeclRefExpr>(e)) {
    if (auto *fd = dyn_cast<FunctionDecl>(dre->getDecl()))
      return fd;
    return heldFunction(initOf(dre), depth + 1);
  }
  if (auto *le = dyn_cast<LambdaExpr>(e))
    return le->getCallOperator();
  if (auto *ce = dyn_cast<CXXConstructExpr>(e);
      ce && ce->getNumArgs() >= 1 && isStdClass(ce->getType(), {"function"}))
    return heldFunction(ce->getArg(0), depth + 1);
  return nullptr;
}

/// The class of the object a pointer or reference certainly denotes, when its initialisation
/// says so (`Base *p = &derived;`, `Base &r = derived;`, `Base *p = new Derived;`).
const CXXRecordDecl *knownDynamicClass(const Expr *object) {
  const Expr *e = stripCallable(object);
  if (const Expr *init = initOf(e))
    e = stripCallable(init);
  if (auto *uo = dyn_cast<UnaryOperator>(e); uo && uo->getOpcode() == UO_AddrOf)
    e = stripCallable(uo->getSubExpr());
  // `&x` or a reference bound to `x`, where x is an object of class type (not a reference).
  if (auto *dre = dyn_cast<DeclRefExpr>(e))
    if (auto *vd = dyn_cast<VarDecl>(dre->getDecl()); vd && !vd->getType()->isReferenceType())
      return vd->getType()->getAsCXXRecordDecl();
  if (auto *ne = dyn_cast<CXXNewExpr>(e))
    return ne->getAllocatedType()->getAsCXXRecordDecl();
  return nullptr;
}

const FunctionDecl *devirtualize(const CXXMemberCallExpr *mc, const CXXMethodDecl *md) {
  const Expr *object = mc->getImplicitObjectArgument();
  if (!md->isVirtual() || !object)
    return md;
  if (const CXXMethodDecl *d = md->getDevirtualizedMethod(object, false); d && d->hasBody())
    return d;
  if (const CXXRecordDecl *cls = knownDynamicClass(object))
    if (const CXXMethodDecl *d = md->getCorrespondingMethodInClass(cls))
      return d;
  return md;
}

} // namespace

const FunctionDecl *resolveCallTarget(const CallExpr *call, unsigned *firstArg) {
  *firstArg = 0;
  const FunctionDecl *direct = call->getDirectCallee();
  if (!direct) // through a function pointer
    return heldFunction(call->getCallee());
  if (auto *mc = dyn_cast<CXXMemberCallExpr>(call))
    return devirtualize(mc, cast<CXXMethodDecl>(direct));
  if (auto *oc = dyn_cast<CXXOperatorCallExpr>(call);
      oc && oc->getOperator() == OO_Call && oc->getNumArgs() >= 1 &&
      isStdClass(oc->getArg(0)->getType(), {"function"})) {
    *firstArg = 1;
    return heldFunction(oc->getArg(0));
  }
  return direct;
}

} // namespace weft::analyzer
