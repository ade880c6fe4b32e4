// Out-parameters (FunctionExtractor.h; Body.h OutParam, FilledPointee). A factory that returns
// its object through a `T **result` (`env->NewWritableFile(name, &file)`, leveldb's Env) gives
// its caller a new object as `new` would, when every implementation stores only fresh objects
// through it (`*result = new PosixWritableFile(...)`, `*result = nullptr`) or hands it on to one
// that does (EnvWrapper). Each function says here what it does with its own `T **` parameters;
// resolveOutParams (OutParams.h) decides, over the whole program, which callers' locals that
// makes the frame's own.
#include "FunctionExtractor.h"

#include "AstHelpers.h"

#include "clang/AST/ExprCXX.h"

namespace weft::analyzer {

using namespace clang;

namespace {

bool isPointerToPointer(QualType t) {
  return t->isPointerType() && t->getPointeeType()->isPointerType() &&
         !t->getPointeeType()->getPointeeType()->isFunctionType();
}

/// The parent of `s`, past parentheses (and implicit casts when `casts`).
const Stmt *parentPast(const ParentMap &pm, const Stmt *s, bool casts, const Stmt **child) {
  const Stmt *p = pm.getParent(s);
  *child = s;
  while (p && (isa<ParenExpr>(p) || (casts && isa<ImplicitCastExpr>(p)))) {
    *child = p;
    p = pm.getParent(p);
  }
  return p;
}

} // namespace

std::optional<OutTarget> FunctionExtractor::outArgument(const Expr *e) {
  const Stmt *child = nullptr;
  auto *ce = dyn_cast_or_null<CallExpr>(parentPast(*pm_, e, true, &child));
  if (!ce || isa<CXXOperatorCallExpr>(ce))
    return std::nullopt;
  const FunctionDecl *callee = ce->getDirectCallee();
  if (!callee)
    return std::nullopt;
  for (unsigned i = 0; i < ce->getNumArgs() && i < callee->getNumParams(); ++i) {
    if (ce->getArg(i) != child || !isPointerToPointer(callee->getParamDecl(i)->getType()))
      continue;
    OutTarget t;
    t.param = static_cast<int>(i);
    const FunctionDecl *def = nullptr;
    if (hasProjectBody(callee, sm_, &def))
      t.fn = b_.functionIndex(def);
    t.link = b_.linkName(callee);
    auto *md = dyn_cast<CXXMethodDecl>(callee);
    t.isVirtual = md && md->isVirtual();
    if (t.fn < 0 && t.link.empty())
      return std::nullopt;
    return t;
  }
  return std::nullopt;
}

void FunctionExtractor::collectOutParams(const Stmt *body) {
  llvm::DenseMap<const ParmVarDecl *, size_t> index;
  for (const ParmVarDecl *pv : fd_->parameters())
    if (isPointerToPointer(pv->getType())) {
      index[pv] = out_.outParams.size();
      out_.outParams.push_back({static_cast<int>(pv->getFunctionScopeIndex()), false, {}});
    }
  if (index.empty())
    return;
  std::vector<const Stmt *> todo{body};
  while (!todo.empty()) {
    const Stmt *s = todo.back();
    todo.pop_back();
    for (const Stmt *c : s->children())
      if (c)
        todo.push_back(c);
    auto *dre = dyn_cast<DeclRefExpr>(s);
    auto *pv = dre ? dyn_cast<ParmVarDecl>(dre->getDecl()) : nullptr;
    auto it = pv ? index.find(pv) : index.end();
    if (it == index.end())
      continue;
    OutParam &op = out_.outParams[it->second];
    const Stmt *child = nullptr;
    const Stmt *p = parentPast(*pm_, dre, true, &child);
    if (auto *uo = dyn_cast_or_null<UnaryOperator>(p); uo && uo->getOpcode() == UO_Deref) {
      // `*result = value` stores; `*result` read as a value (`new DataFile(this, *result)`)
      // keeps nothing. Anything else (`&*result`, `T *&r = *result`) is not followed.
      const Stmt *top = nullptr;
      const Stmt *q = parentPast(*pm_, uo, false, &top);
      if (auto *ice = dyn_cast_or_null<ImplicitCastExpr>(q);
          ice && ice->getCastKind() == CK_LValueToRValue)
        continue;
      auto *bo = dyn_cast_or_null<BinaryOperator>(q);
      if (bo && bo->getOpcode() == BO_Assign && bo->getLHS() == top) {
        const Expr *value = bo->getRHS();
        bool fresh = value->isNullPointerConstant(ctx_, Expr::NPC_ValueDependentIsNotNull) !=
                         Expr::NPCK_NotNull ||
                     isFreshAllocation(value);
        op.storesOther = op.storesOther || !fresh;
        continue;
      }
      op.storesOther = true;
      continue;
    }
    if (auto *bo = dyn_cast_or_null<BinaryOperator>(p); bo && bo->isComparisonOp())
      continue; // `result != nullptr`
    if (auto *uo = dyn_cast_or_null<UnaryOperator>(p); uo && uo->getOpcode() == UO_LNot)
      continue;
    if (isa_and_nonnull<IfStmt, WhileStmt, DoStmt, ForStmt>(p))
      continue; // `if (result)`
    if (std::optional<OutTarget> t = outArgument(dre)) {
      op.forwards.push_back(std::move(*t));
      continue;
    }
    op.storesOther = true; // copied, captured, handed to code not analysed
  }
}

} // namespace weft::analyzer
