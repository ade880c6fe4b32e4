// The memory accesses of one function body (FunctionExtractor.h): reads and writes of lvalues,
// member calls on standard containers, library calls that read or write through their
// arguments. Each is anchored at the CFG statement that contains it, whose lockset it gets.
#include "FunctionExtractor.h"

#include "Annotations.h"
#include "AstHelpers.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

namespace weft::analyzer {

using namespace clang;

void FunctionExtractor::record(const Expr *at, const ObjRef &r, QualType t, bool write,
                               bool atomic) {
  if (!r.valid() || isNonRacyType(t))
    return;
  // The CFG statement this access is part of: it sees the lockset before that statement.
  const Stmt *anchor = at;
  for (int i = 0; anchor && i < 64 && !anchored_.count(anchor); ++i)
    anchor = pm_->getParent(anchor);
  if (!anchor || !anchored_.count(anchor))
    return; // not in the CFG: unreachable code
  const Owner owner = ownerOf(at, true);
  if (owner.kind == Owned::Fresh && owner.through.empty())
    return; // a fresh allocation nobody else can reach yet
  bool foreign = false;
  if (r.kind == ObjRef::Local) {
    // A local declared in another function is reached through a by-reference capture.
    const Expr *root = at->IgnoreParenImpCasts();
    while (true) {
      if (auto *me = dyn_cast<MemberExpr>(root))
        root = me->getBase()->IgnoreParenImpCasts();
      else if (auto *ase = dyn_cast<ArraySubscriptExpr>(root))
        root = ase->getBase()->IgnoreParenImpCasts();
      else if (auto *oc = dyn_cast<CXXOperatorCallExpr>(root); oc && oc->getNumArgs())
        root = oc->getArg(0)->IgnoreParenImpCasts();
      else if (auto *mc = dyn_cast<CXXMemberCallExpr>(root); mc && mc->getImplicitObjectArgument())
        root = mc->getImplicitObjectArgument()->IgnoreParenImpCasts();
      else
        break;
    }
    if (auto *dre = dyn_cast<DeclRefExpr>(root))
      foreign = dre->getDecl()->getParentFunctionOrMethod() != fd_ &&
                dre->getDecl()->getParentFunctionOrMethod() != nullptr;
  }
  report::Location l = loc(at->getExprLoc());
  std::string key = r.name + "|" + r.inst + "|" + (write ? "w" : "r") + (atomic ? "a" : "") + "|" +
                    std::to_string(l.line) + ":" + std::to_string(l.column);
  if (!seenAccess_.insert(key).second)
    return;
  int index = add(out_.accesses, AccessOp{r, write, foreign, atomic, l, declaredGuard(at, scope_),
                                          owner.kind != Owned::No, owner.param, owner.through});
  anchored_[anchor].push_back(index);
}

void FunctionExtractor::recordExpr(const Expr *e, bool write) {
  record(e, refOf(e, scope_), declaredTypeOf(e), write);
}

void FunctionExtractor::libraryArgs(const CallExpr *ce, unsigned firstArg) {
  const FunctionDecl *fd = ce->getDirectCallee();
  if (!fd || hasProjectBody(fd, sm_))
    return;
  if (fd->getIdentifier() && fd->isInStdNamespace()) {
    llvm::StringRef n = fd->getName();
    if (n == "move" || n == "forward" || n == "ref" || n == "cref" || n == "as_const" ||
        n == "addressof" || n == "lock" || n == "call_once" || n == "async")
      return;
  }
  if (classifySync(ce).kind != SyncOp::None)
    return;
  llvm::StringRef name = fd->getIdentifier() ? fd->getName() : "";
  auto pointee = [&](unsigned i, bool write, bool atomic) {
    if (i >= ce->getNumArgs())
      return;
    const Expr *arg = ce->getArg(i);
    const Expr *bare = arg->IgnoreParenImpCasts();
    QualType t = bare->getType()->isArrayType() ? declaredTypeOf(bare)
                 : arg->getType()->isPointerType()
                     ? arg->getType()->getPointeeType().getUnqualifiedType()
                     : QualType();
    if (!t.isNull())
      record(arg, pointeeOf(arg, scope_), t, write, atomic);
  };
  if (name == "memcpy" || name == "memmove" || name == "strcpy" || name == "strncpy" ||
      name == "strcat" || name == "strncat") {
    pointee(0, true, false);
    pointee(1, false, false);
    return;
  }
  if (name == "memset") {
    pointee(0, true, false);
    return;
  }
  if (name.starts_with("__atomic_") || name.starts_with("__sync_")) {
    pointee(0, !name.contains("load"), true);
    return;
  }
  for (unsigned i = firstArg; i < ce->getNumArgs(); ++i) {
    unsigned p = i - firstArg;
    if (p >= fd->getNumParams())
      break;
    QualType pt = fd->getParamDecl(p)->getType();
    if (!pt->isReferenceType())
      continue;
    const Expr *arg = ce->getArg(i);
    QualType at = arg->getType();
    if (!(at->isScalarType() || isStdContainer(at)))
      continue;
    recordExpr(arg, !pt.getNonReferenceType().isConstQualified());
  }
}

void FunctionExtractor::walk(const Stmt *s) {
  if (!s)
    return;
  if (isa<LambdaExpr, UnaryExprOrTypeTraitExpr, CXXTypeidExpr, CXXNoexceptExpr>(s))
    return;
  if (auto *ice = dyn_cast<ImplicitCastExpr>(s); ice && ice->getCastKind() == CK_LValueToRValue) {
    recordExpr(ice->getSubExpr(), false);
  } else if (auto *bo = dyn_cast<BinaryOperator>(s); bo && bo->isAssignmentOp()) {
    recordExpr(bo->getLHS(), true);
  } else if (auto *uo = dyn_cast<UnaryOperator>(s); uo && uo->isIncrementDecrementOp()) {
    recordExpr(uo->getSubExpr(), true);
  } else if (auto *oc = dyn_cast<CXXOperatorCallExpr>(s)) {
    auto *md = dyn_cast_or_null<CXXMethodDecl>(oc->getDirectCallee());
    if (md && oc->getNumArgs() > 0) {
      const Expr *obj = oc->getArg(0);
      if (isStdContainer(obj->getType())) {
        if (oc->getOperator() != OO_Subscript)
          recordExpr(obj, !md->isConst());
      } else if (md->isCopyAssignmentOperator() || md->isMoveAssignmentOperator()) {
        if (!hasProjectBody(md, sm_) || md->isImplicit())
          recordExpr(obj, true);
      }
    } else {
      libraryArgs(oc, 0);
    }
  } else if (auto *mc = dyn_cast<CXXMemberCallExpr>(s)) {
    const Expr *obj = mc->getImplicitObjectArgument();
    const CXXMethodDecl *md = mc->getMethodDecl();
    if (obj && md) {
      QualType t =
          obj->getType()->isPointerType() ? obj->getType()->getPointeeType() : obj->getType();
      if (isStdContainer(t)) {
        llvm::StringRef n = md->getIdentifier() ? md->getName() : "";
        bool accessor = !md->isConst() &&
                        (n == "at" || n == "front" || n == "back" || n == "data" || n == "begin" ||
                         n == "end" || n == "rbegin" || n == "rend" || n == "find");
        if (!accessor) {
          ObjRef r = obj->getType()->isPointerType() ? pointeeOf(obj, scope_) : refOf(obj, scope_);
          record(mc, r,
                 obj->getType()->isPointerType() ? t.getUnqualifiedType() : declaredTypeOf(obj),
                 !md->isConst());
        }
      } else {
        libraryArgs(mc, 0);
      }
    }
  } else if (auto *ce = dyn_cast<CallExpr>(s)) {
    libraryArgs(ce, 0);
  } else if (auto *cons = dyn_cast<CXXConstructExpr>(s);
             cons && cons->getNumArgs() == 1 && isStdClass(cons->getType(), {"atomic_ref"})) {
    const Expr *obj = cons->getArg(0);
    record(obj, refOf(obj, scope_), declaredTypeOf(obj), true, true);
  }
  if (auto *fr = dyn_cast<CXXForRangeStmt>(s)) {
    if (const Expr *range = fr->getRangeInit()) {
      recordExpr(range, false);
      walk(range);
    }
    walk(fr->getBody());
    return;
  }
  for (const Stmt *c : s->children())
    walk(c);
}

} // namespace weft::analyzer
