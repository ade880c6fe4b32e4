// What a branch condition tells its two successors (FunctionExtractor.h): a try-lock that
// succeeded, a guard that owns its lock, a thread that is not joinable, a TRY_ACQUIRE function,
// a parameter compared with a constant (flags: ExtractOnce.cpp).
#include "FunctionExtractor.h"

#include "AstHelpers.h"
#include "Substitution.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/ExprCXX.h"

#include <functional>

namespace weft::analyzer {

using namespace clang;

void FunctionExtractor::branch(const CFGBlock &blk, Block &out) {
  if (blk.succ_size() != 2)
    return;
  const auto *cond = dyn_cast_or_null<Expr>(blk.getTerminatorCondition());
  if (!cond)
    return;
  // Of `if (a && b)`, the block testing `b` has the whole condition as its terminator's; its
  // last element is `b` itself.
  const Expr *own = blk.getLastCondition() ? blk.getLastCondition() : cond;
  flagEdge(own, out);
  paramTest(own, out);
  waitLoopExit(blk, out);
  // Through `!`, `== 0` and `!= 0` to the call, keeping track of which edge means success.
  bool polarity = true;
  const Expr *e = cond;
  for (int i = 0; e && i < 8; ++i) {
    e = e->IgnoreParenImpCasts();
    if (auto *uo = dyn_cast<UnaryOperator>(e); uo && uo->getOpcode() == UO_LNot) {
      polarity = !polarity;
      e = uo->getSubExpr();
      continue;
    }
    if (auto *bo = dyn_cast<BinaryOperator>(e);
        bo && (bo->getOpcode() == BO_EQ || bo->getOpcode() == BO_NE)) {
      Expr::EvalResult r;
      const Expr *other = nullptr;
      if (bo->getRHS()->EvaluateAsInt(r, ctx_))
        other = bo->getLHS();
      else if (bo->getLHS()->EvaluateAsInt(r, ctx_))
        other = bo->getRHS();
      if (!other)
        return;
      // `x == 0` is `!x`; `x != 0` is `x` (any other constant: treat like 0 for C APIs).
      bool isZero = r.Val.getInt() == 0;
      if ((bo->getOpcode() == BO_EQ) == isZero)
        polarity = !polarity;
      e = other;
      continue;
    }
    break;
  }
  if (!e)
    return;
  // `int rc = pthread_mutex_trylock(&m); ... if (rc == 0)`: the call the variable holds.
  if (auto *dre = dyn_cast<DeclRefExpr>(e->IgnoreParenImpCasts()))
    if (auto *vd = dyn_cast<VarDecl>(dre->getDecl());
        vd && !vd->hasGlobalStorage() && vd->getType()->isIntegerType() && vd->getInit())
      if (SyncOp held = classifySync(vd->getInit()->IgnoreParenImpCasts());
          held.kind == SyncOp::TryAcquire || held.kind == SyncOp::Acquire)
        e = vd->getInit()->IgnoreParenImpCasts();
  const report::Location at = loc(cond->getBeginLoc());
  SyncOp op = classifySync(e);
  auto onEdge = [&](bool success) -> std::vector<EdgeFact> & {
    return success ? out.onTrue : out.onFalse;
  };
  if (op.kind == SyncOp::Acquire && op.successIsZero) {
    // A C lock call tested for its result: on the failure edge the mutex is not held.
    bool failure = polarity; // nonzero means it failed
    for (const Expr *l : op.locks)
      if (ObjRef r = lockRef(l, op.viaPointer); r.valid())
        onEdge(failure).push_back(
            {EdgeFact::NotAcquired, {r, false, false, true, guard::None, at}});
  } else if (op.kind == SyncOp::TryAcquire) {
    bool onTrue = op.successIsZero ? !polarity : polarity;
    for (const Expr *l : op.locks)
      if (ObjRef r = lockRef(l, op.viaPointer); r.valid())
        onEdge(onTrue).push_back(
            {EdgeFact::Acquired, {r, op.shared, isRecursive(l, r), true, guard::None, at}});
  } else if (op.kind == SyncOp::GuardOwns) {
    if (const VarDecl *g = guardVar(op.object)) {
      EdgeFact f{EdgeFact::GuardOwns, {}};
      f.guard = add(out_.guards, GuardOp{guardId(g), 0, guardLocksOf(g), false, "", at});
      onEdge(polarity).push_back(std::move(f));
    }
  } else if (auto *mc = dyn_cast<CXXMemberCallExpr>(e);
             mc && mc->getMethodDecl() && mc->getMethodDecl()->getIdentifier() &&
             mc->getMethodDecl()->getName() == "joinable") {
    EdgeFact f{EdgeFact::NotJoinable, {}};
    f.handle = handleKey(refOf(mc->getImplicitObjectArgument(), scope_));
    onEdge(!polarity).push_back(std::move(f));
  } else if (auto *call = dyn_cast<CallExpr>(e); call && call->getDirectCallee()) {
    // TRY_ACQUIRE(true, mu): the capability is held on the success edge.
    const FunctionDecl *callee = call->getDirectCallee();
    const auto *a = findAttr<TryAcquireCapabilityAttr>(callee);
    if (!a)
      return;
    NamingScope calleeScope;
    calleeScope.fn = callee;
    Bindings bind;
    if (auto *mcall = dyn_cast<CXXMemberCallExpr>(call))
      bind = bindCall(callee, mcall->getImplicitObjectArgument(), false, {});
    for (const Expr *arg : a->args())
      if (ObjRef r = refOf(arg, calleeScope); r.valid())
        onEdge(polarity).push_back(
            {EdgeFact::Acquired, {substitute(r, bind), a->isShared(), false, true, 0, at}});
  }
}

bool FunctionExtractor::isParamModified(const ParmVarDecl *pd) {
  if (auto it = paramModified_.find(pd); it != paramModified_.end())
    return it->second;
  bool modified = false;
  std::function<void(const Stmt *)> scan = [&](const Stmt *s) {
    if (!s || modified)
      return;
    auto refersTo = [&](const Expr *x) {
      auto *dre = dyn_cast<DeclRefExpr>(x->IgnoreParenImpCasts());
      return dre && dre->getDecl() == pd;
    };
    if (auto *bo = dyn_cast<BinaryOperator>(s);
        bo && bo->isAssignmentOp() && refersTo(bo->getLHS()))
      modified = true;
    if (auto *uo = dyn_cast<UnaryOperator>(s);
        uo && (uo->isIncrementDecrementOp() || uo->getOpcode() == UO_AddrOf) &&
        refersTo(uo->getSubExpr()))
      modified = true;
    for (const Stmt *child : s->children())
      scan(child);
  };
  scan(fd_->getBody());
  paramModified_[pd] = modified;
  return modified;
}

void FunctionExtractor::paramTest(const Expr *cond, Block &out) {
  bool negated = false;
  const Expr *e = cond->IgnoreParenImpCasts();
  while (auto *uo = dyn_cast<UnaryOperator>(e)) {
    if (uo->getOpcode() != UO_LNot)
      return;
    negated = !negated;
    e = uo->getSubExpr()->IgnoreParenImpCasts();
  }
  const Expr *var = e;
  std::string value = "0";
  bool equal = false; // a bare `if (p)`: true when p != 0
  if (auto *bo = dyn_cast<BinaryOperator>(e)) {
    if (bo->getOpcode() != BO_EQ && bo->getOpcode() != BO_NE)
      return;
    Expr::EvalResult r;
    if (bo->getRHS()->EvaluateAsInt(r, ctx_))
      var = bo->getLHS();
    else if (bo->getLHS()->EvaluateAsInt(r, ctx_))
      var = bo->getRHS();
    else
      return;
    value = std::to_string(r.Val.getInt().getExtValue());
    equal = bo->getOpcode() == BO_EQ;
  }
  auto *dre = dyn_cast<DeclRefExpr>(var->IgnoreParenImpCasts());
  auto *pd = dre ? dyn_cast<ParmVarDecl>(dre->getDecl()) : nullptr;
  if (!pd || pd->getDeclContext() != fd_ || !pd->getType()->isIntegerType() || isParamModified(pd))
    return;
  out.paramTest = {static_cast<int>(pd->getFunctionScopeIndex()), value, equal != negated};
}

} // namespace weft::analyzer
