// Resolution of GUARDED_BY / PT_GUARDED_BY (see Annotations.h).
#include "Annotations.h"

#include "clang/AST/Attr.h"
#include "clang/AST/ExprCXX.h"

namespace weft::analyzer {

using namespace clang;

namespace {

/// The annotated declaration an lvalue or pointer expression names directly (a field or a
/// variable), and the identity of the object owning it ("" for variables and unknown owners).
const ValueDecl *namedDecl(const Expr *e, const NamingScope &scope, std::string &owner) {
  e = e->IgnoreParenImpCasts();
  if (auto *dre = dyn_cast<DeclRefExpr>(e))
    return dre->getDecl();
  if (auto *me = dyn_cast<MemberExpr>(e)) {
    if (isa<FieldDecl>(me->getMemberDecl()))
      owner = identityOf(me->getBase(), me->isArrow(), scope);
    return me->getMemberDecl();
  }
  return nullptr;
}

/// The lock an annotation argument names, written in the annotated member's class: its `this`
/// is the owner of the member.
ObjRef lockNamed(const Expr *arg, const std::string &owner, const NamingScope &scope) {
  ObjRef g = arg->getType()->isPointerType() ? pointeeOf(arg, scope) : refOf(arg, scope);
  if (!g.valid())
    return {};
  if (g.inst == "this" || g.inst.starts_with("this."))
    g.inst = owner.empty() ? "" : owner + g.inst.substr(4);
  return g;
}

/// GUARDED_BY on the object `e` denotes (or PT_GUARDED_BY when `pointee`).
ObjRef guardOf(const Expr *e, bool pointee, const NamingScope &scope) {
  std::string owner;
  const ValueDecl *d = namedDecl(e, scope, owner);
  if (!d)
    return {};
  if (pointee) {
    if (const auto *a = d->getAttr<PtGuardedByAttr>())
      return lockNamed(a->getArg(), owner, scope);
  } else if (const auto *a = d->getAttr<GuardedByAttr>()) {
    return lockNamed(a->getArg(), owner, scope);
  }
  return {};
}

} // namespace

ObjRef declaredGuard(const Expr *access, const NamingScope &scope) {
  const Expr *e = access;
  for (int depth = 0; e && depth < 8; ++depth) {
    // A member call or operator on a container accesses its object.
    if (auto *mc = dyn_cast<CXXMemberCallExpr>(e->IgnoreParenImpCasts())) {
      e = mc->getImplicitObjectArgument();
      if (e && e->getType()->isPointerType())
        return guardOf(e, true, scope);
      continue;
    }
    if (auto *oc = dyn_cast<CXXOperatorCallExpr>(e->IgnoreParenImpCasts())) {
      e = oc->getNumArgs() ? oc->getArg(0) : nullptr;
      continue;
    }
    if (ObjRef g = guardOf(e, false, scope); g.valid())
      return g;
    // Inside an annotated object (`s.x` of `S s GUARDED_BY(m)`, `buf[i]`), or through an
    // annotated pointer (`*p`, `p->x`, `p[i]` of `int *p PT_GUARDED_BY(m)`).
    const Expr *bare = e->IgnoreParenImpCasts();
    const Expr *pointer = nullptr;
    if (auto *me = dyn_cast<MemberExpr>(bare)) {
      if (!me->isArrow()) {
        e = me->getBase();
        continue;
      }
      pointer = me->getBase();
    } else if (auto *ase = dyn_cast<ArraySubscriptExpr>(bare)) {
      if (ase->getBase()->IgnoreParenImpCasts()->getType()->isArrayType()) {
        e = ase->getBase();
        continue;
      }
      pointer = ase->getBase();
    } else if (auto *uo = dyn_cast<UnaryOperator>(bare); uo && uo->getOpcode() == UO_Deref) {
      pointer = uo->getSubExpr();
    }
    return pointer ? guardOf(pointer, true, scope) : ObjRef{};
  }
  return {};
}

} // namespace weft::analyzer
