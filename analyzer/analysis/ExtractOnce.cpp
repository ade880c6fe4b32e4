// Flags that say a thread was started (FunctionExtractor.h): a creation inside `if (!started) {
// started = true; ... }`, leveldb's PosixEnv::Schedule starting its one background thread, pigz's
// outb() starting its writer when `outb_write_more == NULL`. The flag is a global or a field.
// The whole program decides (ValueFlow.cpp) whether a function ever clears it again: when none
// does, the thread is a single one and the tasks only it runs run one after another
// (ThreadContext::serialRunner); when only code that joins threads does, a branch that sees the
// flag zero sees the thread not running (EdgeFact::FlagZero).
#include "FunctionExtractor.h"

#include "AstHelpers.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"

namespace weft::analyzer {

using namespace clang;

namespace {

/// A variable that can serve as a started-flag: a global or a field of scalar type.
bool isFlagVariable(const Expr *e) {
  e = e->IgnoreParenImpCasts();
  QualType t = e->getType();
  if (!t->isBooleanType() && !t->isIntegerType() && !t->isPointerType())
    return false;
  if (auto *dre = dyn_cast<DeclRefExpr>(e)) {
    auto *vd = dyn_cast<VarDecl>(dre->getDecl());
    return vd && vd->hasGlobalStorage();
  }
  auto *me = dyn_cast<MemberExpr>(e);
  return me && isa<FieldDecl>(me->getMemberDecl());
}

/// The flag a condition tests for "not started yet": `!f`, `f == 0`, `f == false`, `f == NULL`.
const Expr *notSetFlag(const Expr *cond, ASTContext &ctx) {
  cond = cond->IgnoreParenImpCasts();
  if (auto *uo = dyn_cast<UnaryOperator>(cond); uo && uo->getOpcode() == UO_LNot)
    return isFlagVariable(uo->getSubExpr()) ? uo->getSubExpr()->IgnoreParenImpCasts() : nullptr;
  auto *bo = dyn_cast<BinaryOperator>(cond);
  if (!bo || bo->getOpcode() != BO_EQ)
    return nullptr;
  for (auto [flag, other] : {std::pair{bo->getLHS(), bo->getRHS()}, {bo->getRHS(), bo->getLHS()}}) {
    Expr::EvalResult r;
    bool zero = other->isNullPointerConstant(ctx, Expr::NPC_ValueDependentIsNotNull) ||
                (other->EvaluateAsInt(r, ctx) && r.Val.getInt() == 0);
    if (zero && isFlagVariable(flag))
      return flag->IgnoreParenImpCasts();
  }
  return nullptr;
}

/// `rhs` sets a flag of type `t`: a nonzero constant, or for a pointer something that is not
/// null by construction (an allocation, a call's result, an address).
bool setsFlag(const Expr *rhs, QualType t, ASTContext &ctx) {
  rhs = rhs->IgnoreParenImpCasts();
  if (t->isPointerType())
    return isa<CallExpr>(rhs) || isa<CXXNewExpr>(rhs) ||
           (isa<UnaryOperator>(rhs) && cast<UnaryOperator>(rhs)->getOpcode() == UO_AddrOf);
  Expr::EvalResult r;
  return rhs->EvaluateAsInt(r, ctx) && r.Val.getInt() != 0;
}

/// Calls `fn(lhs, sets)` for every write to a flag-like variable inside `s`.
template <class Fn> void forEachFlagWrite(const Stmt *s, ASTContext &ctx, Fn fn) {
  if (!s)
    return;
  if (auto *bo = dyn_cast<BinaryOperator>(s);
      bo && bo->isAssignmentOp() && isFlagVariable(bo->getLHS()))
    fn(bo->getLHS()->IgnoreParenImpCasts(),
       bo->getOpcode() == BO_Assign && setsFlag(bo->getRHS(), bo->getLHS()->getType(), ctx));
  if (auto *uo = dyn_cast<UnaryOperator>(s);
      uo && uo->isIncrementDecrementOp() && isFlagVariable(uo->getSubExpr()))
    fn(uo->getSubExpr()->IgnoreParenImpCasts(), false);
  if (isa<LambdaExpr>(s))
    return; // its own function
  for (const Stmt *child : s->children())
    forEachFlagWrite(child, ctx, fn);
}

} // namespace

std::string FunctionExtractor::onceFlag(const Stmt *s) {
  const Stmt *child = s;
  for (const Stmt *p = pm_->getParent(s); p; child = p, p = pm_->getParent(p)) {
    if (isLoopStmt(p))
      return ""; // several threads per guarded run
    auto *is = dyn_cast<IfStmt>(p);
    if (!is || is->getThen() != child || !is->getCond())
      continue;
    const Expr *flag = notSetFlag(is->getCond(), ctx_);
    if (!flag)
      continue;
    const std::string node = flows_.nodeOf(flag);
    bool set = false;
    forEachFlagWrite(is->getThen(), ctx_, [&](const Expr *lhs, bool sets) {
      set = set || (sets && flows_.nodeOf(lhs) == node);
    });
    if (!node.empty() && set)
      return node;
  }
  return "";
}

void FunctionExtractor::flagEdge(const Expr *cond, Block &out) {
  // Through `!`, `== 0` and `!= 0` (also NULL and false) to the flag; `nonzeroOnTrue` says
  // which edge sees it set.
  bool nonzeroOnTrue = true;
  const Expr *e = cond;
  for (int i = 0; e && i < 8; ++i) {
    e = e->IgnoreParenImpCasts();
    if (auto *uo = dyn_cast<UnaryOperator>(e); uo && uo->getOpcode() == UO_LNot) {
      nonzeroOnTrue = !nonzeroOnTrue;
      e = uo->getSubExpr();
      continue;
    }
    auto *bo = dyn_cast<BinaryOperator>(e);
    if (!bo || (bo->getOpcode() != BO_EQ && bo->getOpcode() != BO_NE))
      break;
    auto isZero = [&](const Expr *x) {
      Expr::EvalResult r;
      return x->isNullPointerConstant(ctx_, Expr::NPC_ValueDependentIsNotNull) ||
             (x->EvaluateAsInt(r, ctx_) && r.Val.getInt() == 0);
    };
    if (isZero(bo->getRHS()))
      e = bo->getLHS();
    else if (isZero(bo->getLHS()))
      e = bo->getRHS();
    else
      return;
    if (bo->getOpcode() == BO_EQ)
      nonzeroOnTrue = !nonzeroOnTrue;
  }
  if (!e || !isFlagVariable(e))
    return;
  if (std::string node = flows_.nodeOf(e); !node.empty()) {
    EdgeFact f{EdgeFact::FlagZero, {}};
    f.flag = std::move(node);
    (nonzeroOnTrue ? out.onFalse : out.onTrue).push_back(std::move(f));
  }
}

void FunctionExtractor::collectFlagClears(const Stmt *body) {
  if (isa<CXXConstructorDecl>(fd_))
    return; // an object's flags start cleared: no thread of it has started yet
  std::set<std::string> clears;
  forEachFlagWrite(body, ctx_, [&](const Expr *lhs, bool sets) {
    if (!sets)
      if (std::string node = flows_.nodeOf(lhs); !node.empty())
        clears.insert(std::move(node));
  });
  out_.flagClears.assign(clears.begin(), clears.end());
}

} // namespace weft::analyzer
