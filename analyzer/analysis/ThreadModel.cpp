// Callable resolution for thread entries (see ThreadModel.h).
#include "ThreadModel.h"

#include "AstHelpers.h"
#include "Ownership.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

namespace weft::analyzer {

using namespace clang;

const Expr *stripCallable(const Expr *e) { return stripExpr(e, StripTemporaries | StripCopies); }

namespace {

/// std::ref(x) / std::cref(x): the referenced lvalue, else null.
const Expr *refWrapped(const Expr *e) {
  e = stripCallable(e);
  if (auto *ce = dyn_cast<CallExpr>(e)) {
    const FunctionDecl *fd = ce->getDirectCallee();
    if (fd && fd->isInStdNamespace() && fd->getIdentifier() &&
        (fd->getName() == "ref" || fd->getName() == "cref") && ce->getNumArgs() == 1)
      return ce->getArg(0);
  }
  return nullptr;
}

std::string freshIdentity(const Expr *e) {
  return "tmp:" + std::to_string(reinterpret_cast<std::uintptr_t>(e));
}

void noteLocalByRef(ThreadEntry &out, const ObjRef &r, const Expr *at, const NamingScope &scope) {
  if (r.kind != ObjRef::Local || r.name.starts_with("*"))
    return;
  const auto &sm = scope.fn->getASTContext().getSourceManager();
  out.localsByRef.push_back({r.name, makeLocation(sm, at->getBeginLoc())});
}

/// Binds parameter `param` of the entry to argument `arg` as a thread passes it (decay-copied).
void bindArg(ThreadEntry &out, const FunctionDecl *fn, unsigned param, const Expr *arg,
             bool pointerArg, const NamingScope &scope) {
  if (!fn || param >= fn->getNumParams())
    return;
  QualType pt = fn->getParamDecl(param)->getType();
  ObjRef target;
  if (const Expr *inner = refWrapped(arg))
    target = refOf(inner, scope);
  else if (pointerArg || pt->isPointerType() || arg->getType()->isPointerType())
    target = pointeeOf(arg, scope);
  if (!target.valid()) {
    // std::thread(work, std::cref(list), 1): the slot this thread is given.
    if (std::string v = indexValue(arg, scope); !v.empty() && pt->isIntegerType())
      out.bind.values[static_cast<int>(param)] = std::move(v);
    return;
  }
  noteLocalByRef(out, target, arg, scope);
  out.bind.params[static_cast<int>(param)] = target;
  // `pthread_create(&t[i], 0, work, &args[i])`: each thread is handed its own element.
  if (pt->isPointerType() && isPerIterationObject(arg, fn->getASTContext()))
    out.bind.handed[static_cast<int>(param)] = -1;
}

} // namespace

ThreadEntry resolveThreadEntry(const SyncOp &op, const NamingScope &scope) {
  ThreadEntry out;
  const Expr *c = stripCallable(op.callable);
  size_t firstArg = 0;
  for (int depth = 0; c && depth < 4; ++depth) {
    if (auto *le = dyn_cast<LambdaExpr>(c)) {
      out.fn = le->getCallOperator();
      out.name = "lambda";
      for (const LambdaCapture &cap : le->captures()) {
        if (cap.capturesThis()) {
          out.bind.thisObj = {ObjRef::Field, "", "this"};
        } else if (cap.capturesVariable() && cap.getCaptureKind() == LCK_ByRef) {
          auto *vd = dyn_cast<VarDecl>(cap.getCapturedVar());
          if (vd && !vd->hasGlobalStorage() && !vd->getType()->isReferenceType()) {
            const auto &sm = scope.fn->getASTContext().getSourceManager();
            out.localsByRef.push_back(
                {vd->getNameAsString(),
                 makeLocation(sm, cap.isImplicit() ? le->getBeginLoc() : cap.getLocation())});
          }
        }
      }
      break;
    }
    if (auto *uo = dyn_cast<UnaryOperator>(c); uo && uo->getOpcode() == UO_AddrOf) {
      c = uo->getSubExpr()->IgnoreParenImpCasts();
      continue;
    }
    // `(void *(*)(void *))thread_do`, or old C's `(void *)thread_do`: a routine taking its own
    // pointer type, cast to fit.
    if (auto *cast = dyn_cast<ExplicitCastExpr>(c)) {
      const Expr *sub = cast->getSubExpr()->IgnoreParenImpCasts();
      if (cast->getType()->isFunctionPointerType() || sub->getType()->isFunctionType() ||
          sub->getType()->isFunctionPointerType()) {
        c = sub;
        continue;
      }
    }
    if (auto *dre = dyn_cast<DeclRefExpr>(c)) {
      if (auto *fd = dyn_cast<FunctionDecl>(dre->getDecl())) {
        out.fn = fd;
        out.name = fd->getQualifiedNameAsString();
        break;
      }
      if (auto *vd = dyn_cast<VarDecl>(dre->getDecl())) {
        if (vd->getInit() && (vd->getType()->isRecordType() || vd->getType()->isPointerType()) &&
            isa<LambdaExpr>(stripCallable(vd->getInit()))) {
          c = stripCallable(vd->getInit());
          continue;
        }
        if (vd->getType()->isFunctionPointerType() && vd->getInit()) {
          c = stripCallable(vd->getInit());
          continue;
        }
      }
    }
    if (const Expr *inner = refWrapped(c)) { // std::thread(std::ref(functor))
      out.fn = functorCallOperator(inner->getType());
      out.bind.thisObj = refOf(inner, scope);
      out.name = out.fn ? cast<CXXMethodDecl>(out.fn)->getParent()->getNameAsString() : "";
      break;
    }
    if (const FunctionDecl *call = functorCallOperator(c->getType())) {
      out.fn = call;
      out.name = cast<CXXMethodDecl>(call)->getParent()->getNameAsString();
      ObjRef self = refOf(c, scope);
      // The thread runs on a copy of the functor: a fresh object unless it is a named one
      // reached by pointer-like members (which the copy shares anyway).
      out.bind.thisObj = {ObjRef::Field, "", freshIdentity(c)};
      (void)self;
      break;
    }
    break;
  }
  if (!out.fn)
    return out;
  const auto *md = dyn_cast<CXXMethodDecl>(out.fn);
  if (md && !md->isStatic() && !md->getParent()->isLambda() &&
      md->getOverloadedOperator() != OO_Call) {
    // std::thread(&C::run, obj, args...): the first argument is the object.
    if (op.args.empty())
      return out;
    const Expr *obj = op.args[0];
    if (const Expr *inner = refWrapped(obj))
      out.bind.thisObj = refOf(inner, scope);
    else if (isa<CXXThisExpr>(stripCallable(obj)))
      out.bind.thisObj = {ObjRef::Field, "", "this"};
    else if (obj->getType()->isPointerType())
      out.bind.thisObj = pointeeOf(obj, scope);
    else
      out.bind.thisObj = {ObjRef::Field, "", freshIdentity(obj)};
    if (out.bind.thisObj.kind == ObjRef::Local)
      noteLocalByRef(out, out.bind.thisObj, obj, scope);
    firstArg = 1;
    out.name = md->getQualifiedNameAsString();
  }
  for (size_t i = firstArg; i < op.args.size(); ++i)
    bindArg(out, out.fn, static_cast<unsigned>(i - firstArg), op.args[i], op.argsByPointer, scope);
  return out;
}

} // namespace weft::analyzer
