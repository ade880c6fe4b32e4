// What a function returns, and locals given only what calls return (FunctionExtractor.h;
// Body.h CallFilledPointee). `threadpool pool = thpool_init(4);` in one file and `thpool_ *p =
// malloc(...); ... pthread_create(..., p); return p;` in another are one pool: the workers see
// it under the creator's local, the caller under its own. Each function says here which local's
// object it returns and which of its locals hold only call results; ReturnedPointees.h joins
// them once the program is linked.
#include "FunctionExtractor.h"

#include "AstHelpers.h"
#include "Ownership.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

namespace weft::analyzer {

using namespace clang;

namespace {

bool isObjectPointer(QualType t) {
  return t->isPointerType() && !t->getPointeeType()->isFunctionType();
}

const VarDecl *localPointer(const Expr *e) {
  auto *dre = dyn_cast<DeclRefExpr>(stripExpr(e, StripExplicitCasts));
  auto *vd = dre ? dyn_cast<VarDecl>(dre->getDecl()) : nullptr;
  if (!vd || vd->hasGlobalStorage() || isa<ParmVarDecl>(vd) || !isObjectPointer(vd->getType()))
    return nullptr;
  return vd;
}

} // namespace

void FunctionExtractor::collectReturns(const Stmt *body) {
  auto isNull = [&](const Expr *e) {
    return e->isNullPointerConstant(ctx_, Expr::NPC_ValueDependentIsNotNull) != Expr::NPCK_NotNull;
  };
  // Every return gives null or the object of one and the same local pointer, which others could
  // reach before it was returned (a pool its workers were started with). A new object the
  // caller alone gets (Ownership.h returnedOwnership) is better named by the caller's local: each
  // call's its own.
  if (isObjectPointer(fd_->getReturnType()) &&
      returnedOwnership(fd_, b_.ownership()) == Owned::No) {
    const VarDecl *only = nullptr;
    const Expr *named = nullptr;
    bool ok = true;
    forEachStmt(body, [&](const Stmt *s) {
      auto *rs = dyn_cast<ReturnStmt>(s);
      if (!rs || !ok)
        return;
      const Expr *v = rs->getRetValue();
      if (v && isNull(v))
        return;
      const VarDecl *vd = v ? localPointer(v) : nullptr;
      ok = vd && (!only || only == vd);
      only = vd;
      named = v;
    });
    if (ok && named)
      if (ObjRef r = pointeeOf(named, scope_); r.inst.starts_with("n:"))
        out_.returnedPointee = r.inst;
  }
  // Locals given only the results of direct calls to functions of the program (or null).
  struct Given {
    std::vector<OutTarget> calls;
    bool other = false;
  };
  llvm::MapVector<const VarDecl *, Given> given;
  llvm::DenseMap<const VarDecl *, const Expr *> uses; // a reference to each, to name by
  auto note = [&](const VarDecl *vd, const Expr *value) {
    Given &g = given[vd];
    if (isNull(value))
      return;
    auto *ce = dyn_cast<CallExpr>(stripExpr(value, StripExplicitCasts));
    const FunctionDecl *callee = ce ? ce->getDirectCallee() : nullptr;
    auto *md = dyn_cast_or_null<CXXMethodDecl>(callee);
    if (!callee || (md && md->isVirtual()) || callee->isInStdNamespace()) {
      g.other = true;
      return;
    }
    OutTarget t;
    const FunctionDecl *def = nullptr;
    if (hasProjectBody(callee, sm_, &def))
      t.fn = b_.functionIndex(def);
    t.link = b_.linkName(callee);
    if (t.fn < 0 && t.link.empty())
      g.other = true;
    else
      g.calls.push_back(std::move(t));
  };
  forEachStmt(body, [&](const Stmt *s) {
    if (auto *ds = dyn_cast<DeclStmt>(s)) {
      for (const Decl *d : ds->decls())
        if (auto *vd = dyn_cast<VarDecl>(d);
            vd && !vd->hasGlobalStorage() && isObjectPointer(vd->getType()))
          vd->getInit() ? note(vd, vd->getInit()) : void(given[vd]);
    } else if (auto *bo = dyn_cast<BinaryOperator>(s); bo && bo->isAssignmentOp()) {
      if (const VarDecl *vd = localPointer(bo->getLHS())) {
        if (bo->getOpcode() == BO_Assign)
          note(vd, bo->getRHS());
        else
          given[vd].other = true; // `p += n`
      }
    } else if (auto *uo = dyn_cast<UnaryOperator>(s)) {
      if (const VarDecl *vd = localPointer(uo->getSubExpr());
          vd && (uo->isIncrementDecrementOp() || uo->getOpcode() == UO_AddrOf))
        given[vd].other = true; // moved, or given a value elsewhere through `&p`
    } else if (auto *dre = dyn_cast<DeclRefExpr>(s)) {
      if (auto *vd = dyn_cast<VarDecl>(dre->getDecl()))
        uses.try_emplace(vd, dre);
    }
  });
  for (auto &[vd, g] : given)
    if (auto use = uses.find(vd); !g.other && !g.calls.empty() && use != uses.end())
      if (ObjRef r = pointeeOf(use->second, scope_); r.inst.starts_with("n:"))
        out_.callFilledPointees.push_back({r.inst, std::move(g.calls)});
}

} // namespace weft::analyzer
