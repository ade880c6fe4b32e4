// The project's own RAII guards without annotations (FunctionExtractor.h), recognised from their
// bodies as Clang's thread-safety analysis would from SCOPED_CAPABILITY: a class whose
// constructor locks what one of its parameters points to or refers to (itself, or through a
// field initialised from it) and whose destructor unlocks. The lock is taken directly
// (`pthread_mutex_lock(m_)`, `m_.lock()`) or through a method of the lock's own class that locks
// one of its members (`mu_->Lock()` on the project's Mutex wrapping a pthread mutex). A variable
// of such a class is a guard of that lock, named as the caller's own `mu.Lock()` names it.
#include "FunctionExtractor.h"

#include "AstHelpers.h"
#include "Substitution.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

#include <functional>

namespace weft::analyzer {

using namespace clang;

namespace {

/// The first statement in `s` (not inside a lambda) for which `pred` holds.
const Stmt *findStmt(const Stmt *s, const std::function<bool(const Stmt *)> &pred) {
  if (!s || isa<LambdaExpr>(s))
    return nullptr;
  if (pred(s))
    return s;
  for (const Stmt *child : s->children())
    if (const Stmt *found = findStmt(child, pred))
      return found;
  return nullptr;
}

/// A method whose body takes (or lets go of) a lock directly: `Mutex::Lock()`.
const Stmt *directSync(const CXXMethodDecl *md, SyncOp::Kind kind) {
  const FunctionDecl *def = nullptr;
  if (!md || !md->hasBody(def))
    return nullptr;
  return findStmt(def->getBody(), [&](const Stmt *s) { return classifySync(s).kind == kind; });
}

/// Where `body` locks (kind Acquire) or unlocks (Release): directly (`object` the lock), or
/// through a method of the lock's class (`object` the object it is called on, `method` and
/// `inner` that method and its own lock statement).
struct SyncSite {
  const Expr *object = nullptr;
  const CXXMethodDecl *method = nullptr;
  const Stmt *inner = nullptr;
};
bool syncIn(const Stmt *body, SyncOp::Kind kind, SyncSite *out) {
  return findStmt(body, [&](const Stmt *s) {
           if (SyncOp op = classifySync(s); op.kind == kind && !op.locks.empty()) {
             *out = {op.locks.front(), nullptr, nullptr};
             return true;
           }
           auto *mc = dyn_cast<CXXMemberCallExpr>(s);
           if (!mc || !mc->getImplicitObjectArgument())
             return false;
           if (const Stmt *in = directSync(mc->getMethodDecl(), kind)) {
             *out = {mc->getImplicitObjectArgument(), mc->getMethodDecl(), in};
             return true;
           }
           return false;
         }) != nullptr;
}

/// The constructor parameter `e` stands for: the parameter itself, or a field the constructor
/// initialises from it (`mu_(mu)`); -1 otherwise.
int paramOf(const Expr *e, const CXXConstructorDecl *ctor) {
  e = stripWrappers(e)->IgnoreParenImpCasts();
  if (auto *uo = dyn_cast<UnaryOperator>(e);
      uo && (uo->getOpcode() == UO_AddrOf || uo->getOpcode() == UO_Deref))
    e = uo->getSubExpr()->IgnoreParenImpCasts();
  if (auto *me = dyn_cast<MemberExpr>(e);
      me && isa<CXXThisExpr>(me->getBase()->IgnoreParenImpCasts()))
    for (const CXXCtorInitializer *init : ctor->inits())
      if (init->getMember() == me->getMemberDecl() && init->getInit())
        return paramOf(init->getInit(), ctor);
  if (auto *dre = dyn_cast<DeclRefExpr>(e))
    if (auto *pd = dyn_cast<ParmVarDecl>(dre->getDecl()); pd && pd->getDeclContext() == ctor)
      return static_cast<int>(pd->getFunctionScopeIndex());
  return -1;
}

} // namespace

bool FunctionExtractor::projectGuardCtor(const CXXConstructorDecl *ctor, ProjectGuard *out) {
  const FunctionDecl *def = nullptr;
  if (!ctor || !ctor->hasBody(def) || ctor->getParent()->hasAttr<ScopedLockableAttr>())
    return false;
  const auto *ctorDef = cast<CXXConstructorDecl>(def);
  const CXXDestructorDecl *dtor = ctor->getParent()->getDestructor();
  const FunctionDecl *dtorDef = nullptr;
  if (!dtor || !dtor->hasBody(dtorDef))
    return false;
  SyncSite lock, unlock;
  if (!syncIn(ctorDef->getBody(), SyncOp::Acquire, &lock) ||
      !syncIn(dtorDef->getBody(), SyncOp::Release, &unlock))
    return false;
  const int param = paramOf(lock.object, ctorDef);
  if (param < 0)
    return false;
  if (out)
    *out = {param, lock.method, lock.inner};
  return true;
}

std::vector<LockUse> FunctionExtractor::projectGuardLocks(const CXXConstructExpr *ce,
                                                          const ProjectGuard &g) {
  if (g.param < 0 || static_cast<unsigned>(g.param) >= ce->getNumArgs())
    return {};
  const Expr *arg = ce->getArg(g.param);
  const bool pointer = arg->getType()->isPointerType();
  if (!g.method) // the constructor locks the argument itself
    if (ObjRef r = pointer ? pointeeOf(arg, scope_) : refOf(arg, scope_); r.valid())
      return {{r, false, false}};
  if (!g.method || !g.inner)
    return {};
  // Through the lock class's method: its own lock, as a call of that method on `arg` names it.
  SyncOp op = classifySync(g.inner);
  if (op.locks.empty())
    return {};
  NamingScope methodScope;
  methodScope.fn = g.method;
  const Expr *l = op.locks.front();
  ObjRef r = op.viaPointer || l->getType()->isPointerType() ? pointeeOf(l, methodScope)
                                                            : refOf(l, methodScope);
  if (!r.valid())
    return {};
  Bindings bind = bindCall(g.method, arg, pointer, {});
  return {{substitute(r, bind), false, false}};
}

bool FunctionExtractor::guardConstruction(const CXXConstructExpr *ce, std::vector<LockUse> *locks) {
  if (scopedCapabilityCtor(ce)) {
    if (locks)
      *locks = scopedCapabilityLocks(ce);
    return true;
  }
  ProjectGuard g;
  if (!projectGuardCtor(ce->getConstructor(), &g))
    return false;
  if (locks)
    *locks = projectGuardLocks(ce, g);
  return true;
}

bool FunctionExtractor::projectLockMethod(const FunctionDecl *fd) {
  // `void Lock() { mu_.lock(); }`: its job is to return with the lock held, called or not.
  auto *md = dyn_cast_or_null<CXXMethodDecl>(fd);
  if (!md || md->isStatic() || isa<CXXConstructorDecl>(md) || !md->getBody())
    return false;
  const Stmt *lock = directSync(md, SyncOp::Acquire);
  if (!lock || directSync(md, SyncOp::Release))
    return false;
  SyncOp op = classifySync(lock);
  return !op.locks.empty() &&
         findStmt(op.locks.front(), [](const Stmt *s) { return isa<CXXThisExpr>(s); });
}

} // namespace weft::analyzer
