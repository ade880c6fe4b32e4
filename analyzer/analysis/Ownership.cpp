// Values a thread owns for a while (Ownership.h).
#include "Ownership.h"

#include "AstHelpers.h"
#include "LockModel.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ASTTypeTraits.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/StmtCXX.h"

#include <algorithm>
#include <vector>

namespace weft::analyzer {

using namespace clang;

namespace {

constexpr int kMaxDepth = 6;

/// The variable an expression reads, through casts and parentheses.
const VarDecl *readVar(const Expr *e) {
  if (!e)
    return nullptr;
  if (auto *dre = dyn_cast<DeclRefExpr>(stripExpr(e, StripExplicitCasts)))
    return dyn_cast<VarDecl>(dre->getDecl());
  return nullptr;
}

/// A shared location a pointer is read from or written to, as the take test compares them: a
/// global or static variable, or a field of any object (`pool->head`, `job->next`).
const Decl *sharedLocation(const Expr *e) {
  e = stripExpr(e, StripExplicitCasts);
  if (auto *dre = dyn_cast<DeclRefExpr>(e))
    if (auto *vd = dyn_cast<VarDecl>(dre->getDecl()); vd && vd->hasGlobalStorage())
      return vd;
  if (auto *me = dyn_cast<MemberExpr>(e))
    return dyn_cast<FieldDecl>(me->getMemberDecl());
  return nullptr;
}

/// `fn` assigns the location `loc` somewhere.
bool assigns(const FunctionDecl *fn, const Decl *loc) {
  const Stmt *body = fn ? fn->getBody() : nullptr;
  bool found = false;
  if (body)
    forEachStmt(body, [&](const Stmt *s) {
      if (auto *bo = dyn_cast<BinaryOperator>(s); bo && bo->getOpcode() == BO_Assign)
        found = found || sharedLocation(bo->getLHS()) == loc;
    });
  return found;
}

bool isNull(const Expr *e, ASTContext &ctx) {
  return e->isNullPointerConstant(ctx, Expr::NPC_ValueDependentIsNotNull) != Expr::NPCK_NotNull;
}

/// The weaker of two ownerships (Fresh and Taken give Taken; anything and No gives No).
Owned meet(Owned a, Owned b) {
  if (a == Owned::No || b == Owned::No)
    return Owned::No;
  return a == Owned::Taken || b == Owned::Taken ? Owned::Taken : Owned::Fresh;
}

/// What every value `fn` returns is: an allocation wrapper (my_malloc) returns Fresh ones,
/// pigz's get_space() a space taken from its pool's list or a new one.
Owned returnsOwned(const FunctionDecl *fn, OwnershipCache &cache, int depth) {
  const Stmt *body = fn->getBody();
  if (!body || depth > kMaxDepth)
    return Owned::No;
  if (auto it = cache.returns.find(fn); it != cache.returns.end())
    return it->second;
  cache.returns[fn] = Owned::No; // while it is being answered (recursion)
  ASTContext &ctx = fn->getASTContext();
  Owned all = Owned::Fresh;
  bool any = false;
  std::vector<const VarDecl *> returned;
  forEachStmt(body, [&](const Stmt *s) {
    if (auto *rs = dyn_cast<ReturnStmt>(s)) {
      any = true;
      const Expr *v = rs->getRetValue();
      if (const VarDecl *vd = readVar(v); vd && !vd->hasGlobalStorage())
        returned.push_back(vd);
      else if (!v || !isNull(v, ctx))
        all = meet(all, ownedValue(v, fn, cache, depth + 1));
    }
  });
  // A returned variable is what it is given: an initialiser, assignments (`p = realloc(p, n)`);
  // a parameter never reassigned is the caller's own pointer.
  for (const VarDecl *vd : returned) {
    bool given = false;
    if (vd->getInit()) {
      given = true;
      if (!isNull(vd->getInit(), ctx))
        all = meet(all, ownedValue(vd->getInit(), fn, cache, depth + 1));
    }
    forEachStmt(body, [&](const Stmt *s) {
      if (auto *bo = dyn_cast<BinaryOperator>(s); bo && bo->getOpcode() == BO_Assign)
        if (readVar(bo->getLHS()) == vd) {
          given = true;
          if (!isNull(bo->getRHS(), ctx))
            all = meet(all, ownedValue(bo->getRHS(), fn, cache, depth + 1));
        }
    });
    if (!given)
      all = Owned::No;
  }
  // What the function let others reach before returning it (`pthread_create(..., p)`, stored in
  // a list) is no longer only the caller's.
  if (!returned.empty() && all != Owned::No) {
    ParentMap pm(const_cast<Stmt *>(body));
    forEachStmt(body, [&](const Stmt *s) {
      auto *dre = dyn_cast<DeclRefExpr>(s);
      if (!dre || all == Owned::No ||
          std::find(returned.begin(), returned.end(), dre->getDecl()) == returned.end())
        return;
      const Stmt *up = pm.getParentIgnoreParenImpCasts(const_cast<DeclRefExpr *>(dre));
      if (isa_and_nonnull<ReturnStmt>(up))
        return;
      const PointerUse use = classifyPointerUse(dre, pm, cache, depth + 1);
      // Kept by the program's own code (`thread_init(pool, ...)` storing it in each worker's
      // record); a library call (`p = realloc(p, n)`) is not followed that far.
      auto *call = dyn_cast_or_null<CallExpr>(up);
      const FunctionDecl *callee = call ? call->getDirectCallee() : nullptr;
      if (use == PointerUse::Escape || (use == PointerUse::Kept && callee && callee->hasBody()))
        all = Owned::No;
    });
  }
  return cache.returns[fn] = any ? all : Owned::No;
}

/// Allocators whose result only the caller can reach. realloc() too: once it returns, the old
/// pointer must not be used again, so the block is the caller's alone.
bool isAllocatorName(llvm::StringRef n) {
  return n == "malloc" || n == "calloc" || n == "realloc" || n == "aligned_alloc" ||
         n == "strdup" || n == "strndup";
}

/// C library functions that use a pointer argument during the call and keep nothing of it; the
/// pthread, C11 and semaphore calls on a synchronisation object inside it (`&job->mu`), except
/// those that start a thread or keep a value.
bool isNonKeepingLibrary(const FunctionDecl *fd) {
  if (!fd->getIdentifier())
    return false;
  llvm::StringRef n = fd->getName();
  if (n.starts_with("pthread_") || n.starts_with("mtx_") || n.starts_with("cnd_") ||
      n.starts_with("sem_"))
    return n != "pthread_create" && n != "pthread_setspecific" && n != "pthread_once";
  static const char *const names[] = {
      "free",     "memcpy", "memmove", "memset", "memcmp",   "memchr",   "strlen",  "strcmp",
      "strncmp",  "strcpy", "strncpy", "strcat", "strncat",  "printf",   "fprintf", "sprintf",
      "snprintf", "puts",   "fputs",   "fwrite", "fread",    "read",     "write",   "pread",
      "pwrite",   "recv",   "send",    "qsort",  "vfprintf", "vsnprintf"};
  for (const char *n : names)
    if (fd->getName() == n)
      return true;
  return false;
}

/// `callee` may keep the pointer it is given as parameter `i` beyond the call (stores it, returns
/// it, starts a thread with it, hands it to code that may), or cannot be seen.
/// What a call may run: its direct callee, or for a call through a pointer to member
/// (`(arg->bm->*(arg->method))(thread)`, leveldb's db_bench) every method of that class of the
/// pointer's type. Empty when it cannot be told.
std::vector<const FunctionDecl *> possibleCallees(const CallExpr *ce) {
  if (const FunctionDecl *callee = ce->getDirectCallee())
    return {callee};
  auto *bo = dyn_cast<BinaryOperator>(ce->getCallee()->IgnoreParens());
  if (!bo || !bo->isPtrMemOp())
    return {};
  const auto *mpt = bo->getRHS()->getType()->getAs<MemberPointerType>();
  const CXXRecordDecl *rd = mpt ? mpt->getMostRecentCXXRecordDecl() : nullptr;
  if (!rd || !rd->hasDefinition())
    return {};
  std::vector<const FunctionDecl *> out;
  for (const CXXMethodDecl *md : rd->getDefinition()->methods())
    if (!md->isStatic() &&
        md->getType().getCanonicalType() == mpt->getPointeeType().getCanonicalType())
      out.push_back(md);
  return out;
}

bool keepsParam(const FunctionDecl *callee, unsigned i, OwnershipCache &cache, int depth) {
  const FunctionDecl *def = nullptr;
  if (!callee->hasBody(def) || !def->getBody())
    return !isNonKeepingLibrary(callee);
  if (depth > kMaxDepth || i >= def->getNumParams())
    return true;
  if (auto it = cache.keeps.find({def, i}); it != cache.keeps.end())
    return it->second;
  cache.keeps[{def, i}] = true; // while it is being answered (recursion)
  const ParmVarDecl *pv = def->getParamDecl(i);
  ParentMap pm(const_cast<Stmt *>(def->getBody()));
  bool keeps = false;
  forEachStmt(def->getBody(), [&](const Stmt *s) {
    if (auto *dre = dyn_cast<DeclRefExpr>(s); dre && dre->getDecl() == pv && !keeps)
      keeps = classifyPointerUse(dre, pm, cache, depth + 1) >= PointerUse::Kept;
  });
  return cache.keeps[{def, i}] = keeps;
}

} // namespace

Owned returnedOwnership(const FunctionDecl *fn, OwnershipCache &cache) {
  const FunctionDecl *def = nullptr;
  return fn->hasBody(def) ? returnsOwned(def, cache, 0) : Owned::No;
}

bool isFreshAllocation(const Expr *e, int depth) {
  if (!e || depth > kMaxDepth)
    return false;
  e = stripExpr(e, StripExplicitCasts | StripTemporaries);
  if (auto *bo = dyn_cast<BinaryOperator>(e); bo && bo->getOpcode() == BO_Assign)
    return isFreshAllocation(bo->getRHS(), depth + 1);
  if (isa<CXXNewExpr>(e))
    return true;
  auto *ce = dyn_cast<CallExpr>(e);
  if (!ce)
    return false;
  if (const FunctionDecl *fd = ce->getDirectCallee()) {
    if (fd->getIdentifier() && isAllocatorName(fd->getName()) && !fd->hasBody())
      return true;
    const FunctionDecl *def = nullptr;
    OwnershipCache cache;
    return fd->hasBody(def) && returnsOwned(def, cache, depth + 1) == Owned::Fresh;
  }
  // Through an allocator pointer that starts as malloc (`malloc_t my_malloc_f = malloc;`).
  if (const VarDecl *vd = readVar(ce->getCallee()); vd && vd->getInit())
    if (auto *dre = dyn_cast<DeclRefExpr>(stripExpr(vd->getInit(), StripExplicitCasts)))
      if (auto *fd = dyn_cast<FunctionDecl>(dre->getDecl()); fd && fd->getIdentifier())
        return isAllocatorName(fd->getName());
  return false;
}

Owned ownedValue(const Expr *e, const FunctionDecl *fn, OwnershipCache &cache, int depth) {
  if (!e || depth > kMaxDepth)
    return Owned::No;
  e = stripExpr(e, StripExplicitCasts | StripTemporaries);
  if (auto *ce = dyn_cast<CallExpr>(e))
    if (const FunctionDecl *callee = ce->getDirectCallee()) {
      const FunctionDecl *def = nullptr;
      if (callee->hasBody(def))
        return returnsOwned(def, cache, depth + 1);
    }
  if (isFreshAllocation(e, depth))
    return Owned::Fresh;
  if (auto *bo = dyn_cast<BinaryOperator>(e); bo && bo->getOpcode() == BO_Assign)
    return ownedValue(bo->getRHS(), fn, cache, depth + 1);
  if (e->getType()->isPointerType())
    if (const Decl *loc = sharedLocation(e); loc && assigns(fn, loc))
      return Owned::Taken;
  return Owned::No;
}

namespace {

/// The range-for's loop variable (`w` in `for (auto &w : workers)`).
bool isRangeForVariable(const VarDecl *vd, ASTContext &ctx) {
  for (const DynTypedNode &p : ctx.getParents(*vd))
    if (const auto *ds = p.get<DeclStmt>())
      for (const DynTypedNode &q : ctx.getParents(*ds))
        if (const auto *rs = q.get<CXXForRangeStmt>(); rs && rs->getLoopVarStmt() == ds)
          return true;
  return false;
}

/// `e` is in a for loop that counts `i`: declared or assigned in its init (`int i = 0`,
/// `i = 0`), or stepped by its increment (`++i`, `i += 2`).
bool inLoopCounting(const Stmt *e, const VarDecl *i, ASTContext &ctx) {
  auto names = [&](const Expr *x) {
    auto *dre = x ? dyn_cast<DeclRefExpr>(x->IgnoreParenImpCasts()) : nullptr;
    return dre && dre->getDecl() == i;
  };
  DynTypedNodeList parents = ctx.getParents(*e);
  for (int depth = 0; depth < 64 && !parents.empty(); ++depth) {
    const DynTypedNode &p = parents[0];
    if (const auto *fs = p.get<ForStmt>()) {
      if (const auto *ds = dyn_cast_or_null<DeclStmt>(fs->getInit()))
        for (const Decl *d : ds->decls())
          if (d == i)
            return true;
      if (const auto *bo = dyn_cast_or_null<BinaryOperator>(fs->getInit());
          bo && bo->isAssignmentOp() && names(bo->getLHS()))
        return true;
      if (const auto *uo = dyn_cast_or_null<UnaryOperator>(fs->getInc());
          uo && uo->isIncrementDecrementOp() && names(uo->getSubExpr()))
        return true;
      if (const auto *bo = dyn_cast_or_null<BinaryOperator>(fs->getInc());
          bo && bo->isCompoundAssignmentOp() && names(bo->getLHS()))
        return true;
    }
    parents = ctx.getParents(p);
  }
  return false;
}

} // namespace

bool isPerIterationObject(const Expr *arg, ASTContext &ctx) {
  const Expr *e = stripExpr(arg, StripExplicitCasts | StripTemporaries);
  if (isFreshAllocation(e))
    return true;
  const Expr *index = nullptr;
  if (auto *uo = dyn_cast<UnaryOperator>(e); uo && uo->getOpcode() == UO_AddrOf) {
    const Expr *sub = uo->getSubExpr()->IgnoreParenImpCasts();
    for (auto *me = dyn_cast<MemberExpr>(sub); me && !me->isArrow(); me = dyn_cast<MemberExpr>(sub))
      sub = me->getBase()->IgnoreParenImpCasts();
    if (auto *ase = dyn_cast<ArraySubscriptExpr>(sub))
      index = ase->getIdx();
    else if (auto *dre = dyn_cast<DeclRefExpr>(sub)) // `&w`, w a range-for's loop variable
      if (auto *vd = dyn_cast<VarDecl>(dre->getDecl()); vd && vd->getType()->isReferenceType())
        return isRangeForVariable(vd, ctx);
  } else if (auto *bo = dyn_cast<BinaryOperator>(e);
             bo && bo->getOpcode() == BO_Add && bo->getLHS()->getType()->isPointerType()) {
    index = bo->getRHS();
  }
  if (!index)
    return false;
  auto *dre = dyn_cast<DeclRefExpr>(index->IgnoreParenImpCasts());
  auto *vd = dre ? dyn_cast<VarDecl>(dre->getDecl()) : nullptr;
  return vd && vd->getType()->isIntegerType() && inLoopCounting(arg, vd, ctx);
}

namespace {

/// `p->f`, `p[i]`, `*p` (the lvalue `deref`): a dereference, unless its address is taken
/// (`&p[i]`, `&p->part.x`), which is a pointer into the object whose own use decides.
PointerUse throughDeref(const Expr *deref, const ParentMap &pm, OwnershipCache &cache, int depth) {
  const Stmt *cur = deref;
  for (const Stmt *up = pm.getParent(cur); up; cur = up, up = pm.getParent(up)) {
    if (auto *me = dyn_cast<MemberExpr>(up); me && !me->isArrow() && me->getBase() == cur)
      continue;
    if (isa<ParenExpr>(up))
      continue;
    if (auto *uo = dyn_cast<UnaryOperator>(up); uo && uo->getOpcode() == UO_AddrOf)
      return classifyPointerUse(uo, pm, cache, depth);
    break;
  }
  return PointerUse::Deref;
}

} // namespace

PointerUse classifyPointerUse(const Expr *value, const ParentMap &pm, OwnershipCache &cache,
                              int depth) {
  if (depth > kMaxDepth + 4)
    return PointerUse::Escape;
  const Stmt *child = value;
  const Stmt *p = pm.getParent(value);
  while (p && isa<ImplicitCastExpr, ParenExpr, CStyleCastExpr, CXXNamedCastExpr>(p)) {
    child = p;
    p = pm.getParent(p);
  }
  // Copied into a local pointer (`T *arg = (T *)v;`): the copy is followed on its own.
  auto localPointer = [](const Decl *d) {
    auto *vd = dyn_cast_or_null<VarDecl>(d);
    return vd && vd->getType()->isPointerType() && !vd->hasGlobalStorage();
  };
  if (auto *ds = dyn_cast_or_null<DeclStmt>(p);
      ds && ds->isSingleDecl() && localPointer(ds->getSingleDecl()))
    return PointerUse::Argument;
  if (auto *bo = dyn_cast_or_null<BinaryOperator>(p);
      bo && bo->getOpcode() == BO_Assign && bo->getRHS() == child)
    if (auto *lhs = dyn_cast<DeclRefExpr>(bo->getLHS()->IgnoreParenImpCasts());
        lhs && localPointer(lhs->getDecl()))
      return PointerUse::Argument;
  if (auto *me = dyn_cast_or_null<MemberExpr>(p))
    return me->isArrow() ? throughDeref(me, pm, cache, depth) : PointerUse::Escape;
  if (auto *uo = dyn_cast_or_null<UnaryOperator>(p)) {
    if (uo->getOpcode() == UO_Deref)
      return throughDeref(uo, pm, cache, depth);
    return uo->getOpcode() == UO_LNot ? PointerUse::Deref : PointerUse::Escape;
  }
  if (auto *ase = dyn_cast_or_null<ArraySubscriptExpr>(p))
    return ase->getBase() == child ? throughDeref(ase, pm, cache, depth) : PointerUse::Escape;
  if (auto *bo = dyn_cast_or_null<BinaryOperator>(p))
    return bo->isComparisonOp() || bo->isLogicalOp() ||
                   (bo->getOpcode() == BO_Assign && bo->getLHS() == child)
               ? PointerUse::Deref
               : PointerUse::Escape;
  if (auto *co = dyn_cast_or_null<ConditionalOperator>(p))
    return co->getCond() == child ? PointerUse::Deref : PointerUse::Escape; // `p ? a : b`
  if (!p || isa<IfStmt, WhileStmt, ForStmt, DoStmt, CXXDeleteExpr>(p))
    return PointerUse::Deref; // `if (p)`, `delete p`
  if (auto *ce = dyn_cast<CallExpr>(p); ce && classifySync(ce).kind != SyncOp::Create) {
    std::vector<const FunctionDecl *> callees = possibleCallees(ce);
    for (unsigned i = 0; i < ce->getNumArgs() && !callees.empty(); ++i)
      if (ce->getArg(i) == child)
        return std::any_of(callees.begin(), callees.end(),
                           [&](const FunctionDecl *f) { return keepsParam(f, i, cache, depth); })
                   ? PointerUse::Kept
                   : PointerUse::Argument;
  }
  if (isa<CallExpr, CXXConstructExpr>(p) && classifySync(p).kind != SyncOp::Create)
    return PointerUse::Kept;
  return PointerUse::Escape;
}

} // namespace weft::analyzer
