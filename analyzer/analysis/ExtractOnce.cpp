// Flags that say a thread was started (FunctionExtractor.h): a creation inside `if (!started) {
// started = true; ... }`, leveldb's PosixEnv::Schedule starting its one background thread, pigz's
// outb() starting its writer when `outb_write_more == NULL` and load() its reader when
// `g.in_which == -1` (an idle value other than zero). The flag is a global or a field. The whole
// program decides (ValueFlow.cpp) whether a function ever stores the idle value again: when
// none does, the thread is a single one and the tasks only it runs run one after another
// (ThreadContext::serialRunner); when that happens only where the thread cannot be running, a
// branch that sees the flag idle sees the thread not running (EdgeFact::FlagIdle).
#include "FunctionExtractor.h"

#include "AstHelpers.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"

#include <optional>

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

/// An integer constant (NULL, false and true included), when `e` is one.
std::optional<long long> constantOf(const Expr *e, ASTContext &ctx) {
  if (e->isValueDependent())
    return std::nullopt;
  if (e->isNullPointerConstant(ctx, Expr::NPC_ValueDependentIsNotNull))
    return 0;
  Expr::EvalResult r;
  if (!e->EvaluateAsInt(r, ctx) || r.Val.getInt().getSignificantBits() > 64)
    return std::nullopt;
  return r.Val.getInt().getSExtValue();
}

/// A branch condition that compares a flag-like variable with a constant: `f`, `!f`,
/// `f == K`, `K != f`, with any `!`, `== 0` and `!= 0` around them.
struct FlagTest {
  const Expr *flag = nullptr;
  long long value = 0;
  bool onTrue = false; ///< the flag holds `value` on the true edge (else on the false one)
};

std::optional<FlagTest> flagTest(const Expr *cond, ASTContext &ctx) {
  bool truthOnTrue = true; // the subexpression `e` is true on the true edge
  const Expr *e = cond;
  for (int depth = 0; e && depth < 8; ++depth) {
    e = e->IgnoreParenImpCasts();
    if (auto *uo = dyn_cast<UnaryOperator>(e); uo && uo->getOpcode() == UO_LNot) {
      truthOnTrue = !truthOnTrue;
      e = uo->getSubExpr();
      continue;
    }
    auto *bo = dyn_cast<BinaryOperator>(e);
    if (!bo || (bo->getOpcode() != BO_EQ && bo->getOpcode() != BO_NE))
      break;
    const bool eq = bo->getOpcode() == BO_EQ;
    const Expr *inner = nullptr;
    for (auto [x, k] : {std::pair{bo->getLHS(), bo->getRHS()}, {bo->getRHS(), bo->getLHS()}}) {
      std::optional<long long> v = constantOf(k, ctx);
      if (!v)
        continue;
      if (isFlagVariable(x))
        return FlagTest{x->IgnoreParenImpCasts(), *v, eq == truthOnTrue};
      if (*v == 0 && !inner)
        inner = x; // `(...) == 0`: the truth of what is inside, maybe negated
    }
    if (!inner)
      return std::nullopt;
    if (eq)
      truthOnTrue = !truthOnTrue;
    e = inner;
  }
  if (!e || !isFlagVariable(e))
    return std::nullopt;
  return FlagTest{e->IgnoreParenImpCasts(), 0, !truthOnTrue}; // truthy: nonzero
}

/// What a write stores in a flag of type `t`: a constant, or for a pointer something that is
/// not null by construction (an allocation, a call's result, an address).
FlagWrite classify(const Expr *rhs, QualType t, ASTContext &ctx) {
  FlagWrite w;
  rhs = rhs->IgnoreParenImpCasts();
  if (std::optional<long long> v = constantOf(rhs, ctx)) {
    w.kind = FlagWrite::Constant;
    w.value = *v;
  } else if (t->isPointerType() &&
             (isa<CallExpr>(rhs) || isa<CXXNewExpr>(rhs) ||
              (isa<UnaryOperator>(rhs) && cast<UnaryOperator>(rhs)->getOpcode() == UO_AddrOf))) {
    w.kind = FlagWrite::NonNull;
  }
  return w;
}

/// Calls `fn(lhs, write)` for every write to a flag-like variable inside `s` (`write.flag` and
/// `write.at` left for the caller).
template <class Fn> void forEachFlagWrite(const Stmt *s, ASTContext &ctx, Fn fn) {
  if (!s)
    return;
  if (auto *bo = dyn_cast<BinaryOperator>(s);
      bo && bo->isAssignmentOp() && isFlagVariable(bo->getLHS()))
    fn(bo->getLHS()->IgnoreParenImpCasts(),
       bo->getOpcode() == BO_Assign ? classify(bo->getRHS(), bo->getLHS()->getType(), ctx)
                                    : FlagWrite{});
  if (auto *uo = dyn_cast<UnaryOperator>(s);
      uo && uo->isIncrementDecrementOp() && isFlagVariable(uo->getSubExpr()))
    fn(uo->getSubExpr()->IgnoreParenImpCasts(), FlagWrite{});
  if (isa<LambdaExpr>(s))
    return; // its own function
  for (const Stmt *child : s->children())
    forEachFlagWrite(child, ctx, fn);
}

} // namespace

void FunctionExtractor::setGuardFlag(const Stmt *creation, ThreadSite &site) {
  const Stmt *child = creation;
  for (const Stmt *p = pm_->getParent(creation); p; child = p, p = pm_->getParent(p)) {
    if (isLoopStmt(p))
      return; // several threads per guarded run
    auto *is = dyn_cast<IfStmt>(p);
    if (!is || is->getThen() != child || !is->getCond())
      continue;
    std::optional<FlagTest> test = flagTest(is->getCond(), ctx_);
    if (!test || !test->onTrue)
      continue;
    const std::string node = flows_.nodeOf(test->flag);
    bool set = false; // the guarded block stores a value other than the idle one
    forEachFlagWrite(is->getThen(), ctx_, [&](const Expr *lhs, const FlagWrite &w) {
      set = set || (!w.mayStore(test->value) && flows_.nodeOf(lhs) == node);
    });
    if (!node.empty() && set) {
      site.guardFlag = node;
      site.guardIdle = test->value;
      return;
    }
  }
}

void FunctionExtractor::flagEdge(const Expr *cond, Block &out) {
  std::optional<FlagTest> test = flagTest(cond, ctx_);
  if (!test)
    return;
  if (std::string node = flows_.nodeOf(test->flag); !node.empty()) {
    EdgeFact f{EdgeFact::FlagIdle, {}};
    f.flag = std::move(node);
    f.value = test->value;
    (test->onTrue ? out.onTrue : out.onFalse).push_back(std::move(f));
  }
}

void FunctionExtractor::collectFlagWrites(const Stmt *body) {
  if (isa<CXXConstructorDecl>(fd_))
    return; // an object's flags start cleared: no thread of it has started yet
  forEachFlagWrite(body, ctx_, [&](const Expr *lhs, FlagWrite w) {
    w.flag = flows_.nodeOf(lhs);
    w.at = loc(lhs->getExprLoc());
    if (!w.flag.empty())
      out_.flagWrites.push_back(std::move(w));
  });
}

} // namespace weft::analyzer
