// What the extraction of one function knows before and besides its CFG (FunctionExtractor.h):
// the locals that alias other objects, the fences, the locks of each RAII guard, the loops that
// join containers of threads, and the handles and declarations statements refer to.
#include "FunctionExtractor.h"

#include "AstHelpers.h"
#include "Substitution.h"

#include "clang/AST/Attr.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"

namespace weft::analyzer {

using namespace clang;

namespace {} // namespace

// ---------------------------------------------------------------------------------------------
// Setup

void FunctionExtractor::collectAliases(const Stmt *s) {
  if (!s)
    return;
  if (auto *ds = dyn_cast<DeclStmt>(s)) {
    for (const Decl *d : ds->decls()) {
      auto *vd = dyn_cast<VarDecl>(d);
      if (!vd || !vd->getInit() || vd->hasGlobalStorage())
        continue;
      const Expr *init = vd->getInit();
      // try_emplace: a range-for variable was already bound to its range (its own `*__begin`
      // initialiser names nothing).
      if (vd->getType()->isReferenceType() && init->isGLValue())
        scope_.aliases.try_emplace(vd, init);
      else if (vd->getType()->isPointerType() && pointeeOf(init, scope_).valid())
        scope_.aliases.try_emplace(vd, init);
    }
  }
  if (auto *fr = dyn_cast<CXXForRangeStmt>(s)) {
    if (const VarDecl *lv = fr->getLoopVariable(); lv && lv->getType()->isReferenceType())
      scope_.aliases[lv] = fr->getRangeInit();
  }
  if (isa<LambdaExpr>(s))
    return;
  for (const Stmt *c : s->children())
    collectAliases(c);
}

void FunctionExtractor::collectLocals(const Stmt *body) {
  auto add = [&](const VarDecl *vd) {
    if (vd && !vd->hasGlobalStorage() && !vd->getType()->isReferenceType())
      if (ObjRef r = refOfDecl(vd); r.kind == ObjRef::Local && !r.inst.empty())
        out_.locals.push_back(r.inst);
  };
  for (const ParmVarDecl *p : fd_->parameters())
    add(p);
  std::vector<const Stmt *> todo{body};
  if (auto *ctor = dyn_cast<CXXConstructorDecl>(fd_))
    for (const CXXCtorInitializer *init : ctor->inits())
      if (init->getInit())
        todo.push_back(init->getInit());
  while (!todo.empty()) {
    const Stmt *s = todo.back();
    todo.pop_back();
    if (auto *ds = dyn_cast<DeclStmt>(s))
      for (const Decl *d : ds->decls())
        add(dyn_cast<VarDecl>(d));
    if (auto *mt = dyn_cast<MaterializeTemporaryExpr>(s)) // temporaries are the frame's too
      if (ObjRef r = refOf(mt, scope_); r.kind == ObjRef::Local && temporaryOf(mt))
        out_.locals.push_back(r.inst);
    for (const Stmt *c : s->children())
      if (c && !isa<LambdaExpr>(c))
        todo.push_back(c);
  }
}

void FunctionExtractor::collectFences(const Stmt *s) {
  if (!s || isa<LambdaExpr>(s))
    return;
  MemoryOrder order;
  if (auto *ce = dyn_cast<CallExpr>(s); ce && isThreadFence(ce, &order))
    fences_.push_back({sm_.getFileOffset(sm_.getFileLoc(ce->getBeginLoc())), order});
  for (const Stmt *c : s->children())
    collectFences(c);
}

void FunctionExtractor::collectGuards(const Stmt *s) {
  // In source order, so a guard moved from another already knows that one's locks.
  if (!s || isa<LambdaExpr>(s))
    return;
  if (SyncOp op = classifySync(s); op.kind == SyncOp::GuardCtor) {
    if (const VarDecl *g = declaredVar(s)) {
      if (op.mode == SyncOp::Move) {
        if (const VarDecl *from = guardVar(op.moveFrom))
          guardLocks_[g] = guardLocks_[from];
      } else {
        std::vector<LockUse> locks;
        for (const Expr *e : op.locks)
          if (ObjRef r = lockRef(e, false); r.valid())
            locks.push_back({r, op.shared, isRecursiveMutexType(e->getType())});
        guardLocks_[g] = locks;
      }
    }
  } else if (auto *ce = dyn_cast<CXXConstructExpr>(s)) {
    std::vector<LockUse> locks;
    if (const VarDecl *g = declaredVar(s); g && guardConstruction(ce, &locks))
      guardLocks_[g] = std::move(locks);
  }
  for (const Stmt *c : s->children())
    collectGuards(c);
}

void FunctionExtractor::findLoopJoins(const Stmt *s) {
  if (!s || isa<LambdaExpr>(s))
    return;
  if (SyncOp op = classifySync(s); op.kind == SyncOp::Join) {
    const Stmt *loop = nullptr;
    for (const Stmt *p = pm_->getParent(s); p; p = pm_->getParent(p))
      if (isLoopStmt(p))
        loop = p;
    std::string key = joinKey(s, op);
    if (loop && !key.empty())
      loopJoins_.push_back(
          {add(out_.threads, ThreadOp{key, -1, "", loc(s->getBeginLoc()), {}}), loop->getEndLoc()});
  }
  for (const Stmt *c : s->children())
    findLoopJoins(c);
}

// ---------------------------------------------------------------------------------------------
// Helpers

bool FunctionExtractor::scopedCapabilityCtor(const CXXConstructExpr *ce) const {
  const CXXConstructorDecl *ctor = ce->getConstructor();
  return ctor && ctor->getParent()->hasAttr<ScopedLockableAttr>() &&
         findAttr<AcquireCapabilityAttr>(ctor);
}

std::vector<LockUse> FunctionExtractor::scopedCapabilityLocks(const CXXConstructExpr *ce) {
  const CXXConstructorDecl *ctor = ce->getConstructor();
  const auto *attr = findAttr<AcquireCapabilityAttr>(ctor);
  NamingScope ctorScope;
  ctorScope.fn = ctor;
  std::vector<const Expr *> args(ce->arg_begin(), ce->arg_end());
  Bindings bind = bindCall(ctor, nullptr, false, args);
  std::vector<LockUse> locks;
  for (const Expr *arg : attr->args()) {
    ObjRef r = arg->getType()->isPointerType() ? pointeeOf(arg, ctorScope) : refOf(arg, ctorScope);
    if (r.valid())
      locks.push_back({substitute(r, bind), attr->isShared(), false});
  }
  return locks;
}

std::vector<LockUse> FunctionExtractor::guardLocksOf(const VarDecl *g) const {
  auto it = guardLocks_.find(g);
  return it == guardLocks_.end() ? std::vector<LockUse>{} : it->second;
}

std::string FunctionExtractor::joinKey(const Stmt *s, const SyncOp &op) const {
  const Expr *obj = op.object;
  bool viaPointer = isa<CXXMemberCallExpr>(s) && obj->getType()->isPointerType();
  return handleKey(viaPointer ? pointeeOf(obj, scope_) : refOf(obj, scope_));
}

bool FunctionExtractor::inLoop(const Stmt *s) const {
  for (const Stmt *p = pm_->getParent(s); p; p = pm_->getParent(p))
    if (isLoopStmt(p))
      return true;
  return false;
}

const VarDecl *FunctionExtractor::declaredVar(const Stmt *s) const {
  const Stmt *child = s;
  const Stmt *p = pm_->getParent(s);
  while (p && isWrapper(p)) {
    child = p;
    p = pm_->getParent(p);
  }
  if (auto *ds = dyn_cast_or_null<DeclStmt>(p)) {
    for (const Decl *d : ds->decls())
      if (auto *vd = dyn_cast<VarDecl>(d); vd && vd->getInit() == child)
        return vd;
    if (ds->isSingleDecl())
      return dyn_cast<VarDecl>(ds->getSingleDecl());
  }
  return nullptr;
}

const VarDecl *FunctionExtractor::guardVar(const Expr *e) const {
  if (!e)
    return nullptr;
  if (auto *dre = dyn_cast<DeclRefExpr>(stripWrappers(e)))
    return dyn_cast<VarDecl>(dre->getDecl());
  return nullptr;
}

std::string FunctionExtractor::handleOfCreation(const Stmt *s, const SyncOp &op,
                                                std::string *assigned) {
  if (op.object) // pthread_create(&t, ...), threads.emplace_back(...)
    return handleKey(op.viaPointer ? pointeeOf(op.object, scope_) : refOf(op.object, scope_));
  if (const VarDecl *vd = declaredVar(s))
    return handleKey(refOfDecl(vd));
  const Stmt *child = s;
  const Stmt *p = pm_->getParent(s);
  while (p && isWrapper(p)) {
    child = p;
    p = pm_->getParent(p);
  }
  if (!p) {
    for (const auto &[init, field] : ctorInitField_)
      if (init == child)
        return canonicalFieldName(field);
    return "";
  }
  if (auto *oc = dyn_cast<CXXOperatorCallExpr>(p); oc && oc->getOperator() == OO_Equal) {
    ObjRef target = refOf(oc->getArg(0), scope_);
    *assigned = target.name;
    return handleKey(target);
  }
  if (auto *bo = dyn_cast<BinaryOperator>(p); bo && bo->getOpcode() == BO_Assign) // C handles
    return handleKey(refOf(bo->getLHS(), scope_));
  if (auto *mc = dyn_cast<CXXMemberCallExpr>(p)) {
    const Expr *obj = mc->getImplicitObjectArgument();
    if (obj && obj != child)
      return handleKey(obj->getType()->isPointerType() ? pointeeOf(obj, scope_)
                                                       : refOf(obj, scope_));
  }
  return "";
}

} // namespace weft::analyzer
