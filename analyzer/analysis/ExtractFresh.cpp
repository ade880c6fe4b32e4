// Fresh allocations not yet shared (FunctionExtractor.h): `struct capsule *c = malloc(...)`
// gives a new object on every call, which no other thread can reach until the pointer escapes
// (is passed to a call, stored, returned). Accesses through it before that are private to the
// call: filling in a thread's start record before pthread_create is no race with the thread
// that a previous call of the same function started (pigz's launch()).
#include "FunctionExtractor.h"

#include "AstHelpers.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"

#include <algorithm>

namespace weft::analyzer {

using namespace clang;

namespace {

/// Allocators whose result only the caller can reach. realloc() too: once it returns, the old
/// pointer must not be used again, so the block is the caller's alone.
bool isAllocatorName(llvm::StringRef n) {
  return n == "malloc" || n == "calloc" || n == "realloc" || n == "aligned_alloc" ||
         n == "strdup" || n == "strndup";
}

/// The variable an expression reads, through casts and parentheses.
const VarDecl *readVar(const Expr *e) {
  if (!e)
    return nullptr;
  if (auto *dre = dyn_cast<DeclRefExpr>(stripExpr(e, StripExplicitCasts)))
    return dyn_cast<VarDecl>(dre->getDecl());
  return nullptr;
}

/// Every value `fd` returns is a fresh allocation (an allocation wrapper such as my_malloc()).
bool returnsFresh(const FunctionDecl *fd, int depth) {
  const Stmt *body = fd->getBody();
  if (!body || depth > 2)
    return false;
  bool any = false, all = true;
  std::vector<const Stmt *> todo{body};
  std::vector<const Expr *> assignedTo; // what the locals it returns are assigned
  std::vector<const VarDecl *> returned;
  while (!todo.empty() && all) {
    const Stmt *s = todo.back();
    todo.pop_back();
    if (auto *rs = dyn_cast<ReturnStmt>(s)) {
      any = true;
      if (const VarDecl *vd = readVar(rs->getRetValue()))
        returned.push_back(vd);
      else
        all = isFreshAllocation(rs->getRetValue(), depth + 1);
    }
    if (auto *bo = dyn_cast<BinaryOperator>(s); bo && bo->getOpcode() == BO_Assign)
      if (readVar(bo->getLHS()))
        assignedTo.push_back(bo);
    for (const Stmt *c : s->children())
      if (c)
        todo.push_back(c);
  }
  for (const VarDecl *vd : returned) {
    bool fresh = vd->getInit() && isFreshAllocation(vd->getInit(), depth + 1);
    for (const Expr *a : assignedTo) {
      auto *bo = cast<BinaryOperator>(a);
      if (readVar(bo->getLHS()) == vd)
        fresh = isFreshAllocation(bo->getRHS(), depth + 1);
    }
    all = all && fresh;
  }
  return any && all;
}

} // namespace

bool isFreshAllocation(const Expr *e, int depth) {
  if (!e || depth > 3)
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
    return fd->hasBody() && returnsFresh(fd, depth + 1);
  }
  // Through an allocator pointer that starts as malloc (`malloc_t my_malloc_f = malloc;`).
  if (const VarDecl *vd = readVar(ce->getCallee()); vd && vd->getInit())
    if (auto *dre = dyn_cast<DeclRefExpr>(stripExpr(vd->getInit(), StripExplicitCasts)))
      if (auto *fd = dyn_cast<FunctionDecl>(dre->getDecl()); fd && fd->getIdentifier())
        return isAllocatorName(fd->getName());
  return false;
}

void FunctionExtractor::collectFresh(const Stmt *body) {
  // Where each local pointer is given a value (fresh or not), and every use of it that lets the
  // object be reached by others (an escape): anything but a dereference, a comparison, free().
  struct Uses {
    std::vector<std::pair<unsigned, bool>> assigned; ///< offset, fresh (or null)
    std::vector<unsigned> escapes;
    bool shared = false; ///< stored, returned, captured or handed to a thread
    std::string pointee; ///< its target's identity (`n:...`)
  };
  llvm::DenseMap<const VarDecl *, Uses> uses;
  auto offset = [&](SourceLocation l) { return sm_.getFileOffset(sm_.getExpansionLoc(l)); };
  auto localPointer = [](const VarDecl *vd) {
    return vd && vd->getType()->isPointerType() && !vd->hasGlobalStorage() &&
           !vd->getType()->getPointeeType()->isFunctionType();
  };
  auto freshOrNull = [&](const Expr *e) {
    return isFreshAllocation(e) ||
           e->isNullPointerConstant(ctx_, Expr::NPC_ValueDependentIsNotNull) != Expr::NPCK_NotNull;
  };
  std::vector<const Stmt *> todo{body};
  while (!todo.empty()) {
    const Stmt *s = todo.back();
    todo.pop_back();
    for (const Stmt *c : s->children())
      if (c && !isa<LambdaExpr>(c))
        todo.push_back(c);
    if (auto *ds = dyn_cast<DeclStmt>(s)) {
      for (const Decl *d : ds->decls())
        if (auto *vd = dyn_cast<VarDecl>(d); localPointer(vd) && vd->getInit())
          uses[vd].assigned.push_back({offset(vd->getLocation()), freshOrNull(vd->getInit())});
      continue;
    }
    if (auto *bo = dyn_cast<BinaryOperator>(s); bo && bo->getOpcode() == BO_Assign) {
      if (auto *dre = dyn_cast<DeclRefExpr>(bo->getLHS()->IgnoreParenImpCasts()))
        if (auto *vd = dyn_cast<VarDecl>(dre->getDecl()); localPointer(vd))
          uses[vd].assigned.push_back({offset(bo->getBeginLoc()), freshOrNull(bo->getRHS())});
      continue;
    }
    auto *dre = dyn_cast<DeclRefExpr>(s);
    auto *vd = dre ? dyn_cast<VarDecl>(dre->getDecl()) : nullptr;
    if (!localPointer(vd))
      continue;
    const Stmt *child = dre;
    const Stmt *p = pm_->getParent(dre);
    while (p && isa<ImplicitCastExpr, ParenExpr, CStyleCastExpr>(p)) {
      child = p;
      p = pm_->getParent(p);
    }
    bool use = false;
    if (auto *me = dyn_cast_or_null<MemberExpr>(p))
      use = me->isArrow();
    else if (auto *uo = dyn_cast_or_null<UnaryOperator>(p))
      use = uo->getOpcode() == UO_Deref || uo->getOpcode() == UO_LNot;
    else if (auto *ase = dyn_cast_or_null<ArraySubscriptExpr>(p))
      use = ase->getBase() == child;
    else if (auto *bo = dyn_cast_or_null<BinaryOperator>(p))
      use = bo->isComparisonOp() || bo->isLogicalOp() ||
            (bo->getOpcode() == BO_Assign && bo->getLHS() == child);
    else if (auto *ce = dyn_cast_or_null<CallExpr>(p))
      use = ce->getDirectCallee() && ce->getDirectCallee()->getIdentifier() &&
            ce->getDirectCallee()->getName() == "free";
    else if (auto *co = dyn_cast_or_null<ConditionalOperator>(p))
      use = co->getCond() == child; // `p ? a : b`
    else if (!p || isa<IfStmt, WhileStmt, ForStmt, DoStmt, CXXDeleteExpr>(p))
      use = true; // `if (p)`, `delete p`
    Uses &u = uses[vd];
    if (u.pointee.empty())
      u.pointee = pointeeOf(dre, scope_).inst;
    if (use)
      continue;
    u.escapes.push_back(offset(dre->getBeginLoc()));
    // Handing it to a call keeps it on this thread, unless the call starts one with it.
    const bool argument =
        isa_and_nonnull<CallExpr, CXXConstructExpr>(p) && classifySync(p).kind != SyncOp::Create;
    u.shared = u.shared || !argument;
  }
  // A fresh value is private from its assignment to the first escape or reassignment after it.
  for (auto &[vd, u] : uses) {
    std::sort(u.assigned.begin(), u.assigned.end());
    for (size_t i = 0; i < u.assigned.size(); ++i) {
      if (!u.assigned[i].second)
        continue;
      unsigned from = u.assigned[i].first;
      unsigned to = i + 1 < u.assigned.size() ? u.assigned[i + 1].first : ~0u;
      for (unsigned e : u.escapes)
        if (e > from && e < to)
          to = e;
      fresh_[vd].push_back({from, to});
    }
    // Only ever fresh, and never where another thread could find it: what it points to is
    // this frame's own, in the callees it is handed to too.
    bool allFresh =
        std::all_of(u.assigned.begin(), u.assigned.end(), [](const auto &a) { return a.second; });
    if (!u.assigned.empty() && allFresh && !u.shared && u.pointee.starts_with("n:"))
      out_.ownedPointees.push_back(u.pointee);
  }
}

bool FunctionExtractor::isPrivateAccess(const Expr *at) const {
  const Expr *root = at->IgnoreParenImpCasts();
  bool deref = false;
  while (true) {
    if (auto *me = dyn_cast<MemberExpr>(root)) {
      deref = deref || me->isArrow();
      root = me->getBase()->IgnoreParenImpCasts();
    } else if (auto *ase = dyn_cast<ArraySubscriptExpr>(root)) {
      deref = true;
      root = ase->getBase()->IgnoreParenImpCasts();
    } else if (auto *uo = dyn_cast<UnaryOperator>(root); uo && uo->getOpcode() == UO_Deref) {
      deref = true;
      root = uo->getSubExpr()->IgnoreParenImpCasts();
    } else {
      break;
    }
  }
  // What pthread_getspecific() / tss_get() return is the calling thread's own (try.h's stack).
  if (auto *ce = dyn_cast<CallExpr>(stripExpr(root, StripExplicitCasts)); ce && deref)
    if (const FunctionDecl *fd = ce->getDirectCallee();
        fd && fd->getIdentifier() &&
        (fd->getName() == "pthread_getspecific" || fd->getName() == "tss_get"))
      return true;
  auto *dre = dyn_cast<DeclRefExpr>(root);
  auto *vd = dre ? dyn_cast<VarDecl>(dre->getDecl()) : nullptr;
  auto it = deref && vd ? fresh_.find(vd) : fresh_.end();
  if (it == fresh_.end())
    return false;
  const unsigned offset = sm_.getFileOffset(sm_.getExpansionLoc(at->getBeginLoc()));
  for (const auto &[from, to] : it->second) {
    if (offset <= from || offset >= to)
      continue;
    // Not in a loop that repeats it after the escape without allocating again.
    bool repeated = false;
    for (const Stmt *p = pm_->getParent(at); p && !repeated; p = pm_->getParent(p))
      if (isLoopStmt(p)) {
        unsigned b = sm_.getFileOffset(sm_.getExpansionLoc(p->getBeginLoc()));
        unsigned e = sm_.getFileOffset(sm_.getExpansionLoc(p->getEndLoc()));
        repeated = from < b || from > e;
      }
    if (!repeated)
      return true;
  }
  return false;
}

} // namespace weft::analyzer
