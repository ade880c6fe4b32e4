// Values a function owns for a while (FunctionExtractor.h, Ownership.h). A fresh allocation
// (`struct capsule *c = malloc(...)`) is a new object on every call, which no other thread can
// reach until the pointer escapes (is stored, returned, handed to code that keeps it): accesses
// through it before that are private to the call, and not recorded (filling in a thread's start
// record before pthread_create is no race with the thread a previous call started: pigz's
// launch()). An object taken out of a shared structure (`job = head; head = job->next`) is the
// taker's until it hands it on: its accesses are recorded as the thread's own, which no other
// thread's own access races with (pigz's jobs and spaces, passed from thread to thread through
// lock-protected lists). A pointer parameter is owned, up to its first escape, when the caller
// handed it an owned value (Bindings::handed).
#include "FunctionExtractor.h"

#include "AstHelpers.h"
#include "Ownership.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"

#include <algorithm>

namespace weft::analyzer {

using namespace clang;

unsigned FunctionExtractor::offsetOf(SourceLocation l) const {
  return sm_.getFileOffset(sm_.getExpansionLoc(l));
}

void FunctionExtractor::collectFresh(const Stmt *body) {
  // Where each local pointer is given a value (owned or not), and every use of it that lets the
  // object be reached by others (an escape): anything but a dereference, a comparison, free(), a
  // call that keeps nothing of it.
  struct Uses {
    struct Given {
      unsigned at;
      Owned kind; ///< what the value is (null: Fresh)
      const Expr *value;
      bool fill = false; ///< through an out-parameter: not known here to be owned
      bool operator<(const Given &o) const { return at < o.at; }
    };
    std::vector<Given> assigned;
    std::vector<unsigned> escapes;
    bool shared = false;          ///< stored, returned, captured or handed to a thread
    std::vector<OutTarget> fills; ///< `&p` passed as an out-parameter (ExtractOutParams.cpp)
    std::string pointee;          ///< its target's identity (`n:...`)
  };
  llvm::DenseMap<const VarDecl *, Uses> uses;
  llvm::DenseMap<const VarDecl *, Uses> slots; // `*p` of a `T **p`
  auto pointer = [](const VarDecl *vd) {
    return vd && vd->getType()->isPointerType() && !vd->hasGlobalStorage() &&
           !vd->getType()->getPointeeType()->isFunctionType();
  };
  // `*p` where p is a local or parameter `T **`: the pointer it points at.
  auto slotOf = [&](const Expr *e) -> const VarDecl * {
    auto *uo = dyn_cast<UnaryOperator>(e->IgnoreParenImpCasts());
    if (!uo || uo->getOpcode() != UO_Deref)
      return nullptr;
    auto *dre = dyn_cast<DeclRefExpr>(uo->getSubExpr()->IgnoreParenImpCasts());
    auto *vd = dre ? dyn_cast<VarDecl>(dre->getDecl()) : nullptr;
    return pointer(vd) && vd->getType()->getPointeeType()->isPointerType() ? vd : nullptr;
  };
  auto given = [&](const Expr *e) {
    if (e->isNullPointerConstant(ctx_, Expr::NPC_ValueDependentIsNotNull) != Expr::NPCK_NotNull)
      return Owned::Fresh;
    return ownedValue(e, fd_, b_.ownership());
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
        if (auto *vd = dyn_cast<VarDecl>(d); pointer(vd) && vd->getInit())
          uses[vd].assigned.push_back(
              {offsetOf(vd->getLocation()), given(vd->getInit()), vd->getInit()});
      continue;
    }
    if (auto *bo = dyn_cast<BinaryOperator>(s); bo && bo->getOpcode() == BO_Assign) {
      if (auto *dre = dyn_cast<DeclRefExpr>(bo->getLHS()->IgnoreParenImpCasts()))
        if (auto *vd = dyn_cast<VarDecl>(dre->getDecl()); pointer(vd))
          uses[vd].assigned.push_back(
              {offsetOf(bo->getBeginLoc()), given(bo->getRHS()), bo->getRHS()});
      if (const VarDecl *slot = slotOf(bo->getLHS()))
        slots[slot].assigned.push_back(
            {offsetOf(bo->getBeginLoc()), given(bo->getRHS()), bo->getRHS()});
      continue;
    }
    noteElementHandOver(s);
    auto *dre = dyn_cast<DeclRefExpr>(s);
    auto *vd = dre ? dyn_cast<VarDecl>(dre->getDecl()) : nullptr;
    if (!pointer(vd))
      continue;
    if (auto *star = dyn_cast_or_null<UnaryOperator>(
            pm_->getParentIgnoreParenImpCasts(const_cast<DeclRefExpr *>(dre)));
        star && slotOf(star)) {
      // A use of `*p` that lets others reach what it points to; any other use of `p` lets
      // others change `*p`: either ends the window.
      if (classifyPointerUse(star, *pm_, b_.ownership()) >= PointerUse::Kept)
        slots[vd].escapes.push_back(offsetOf(dre->getBeginLoc()));
    } else if (vd->getType()->getPointeeType()->isPointerType()) {
      slots[vd].escapes.push_back(offsetOf(dre->getBeginLoc()));
    }
    Uses &u = uses[vd];
    if (u.pointee.empty())
      u.pointee = pointeeOf(dre, scope_).inst;
    if (auto *addr = dyn_cast_or_null<UnaryOperator>(pm_->getParentIgnoreParens(dre));
        addr && addr->getOpcode() == UO_AddrOf)
      if (std::optional<OutTarget> fill = outArgument(addr)) {
        // `env->NewFile(name, &file)`: a new value, owned or not (ends an owned window).
        u.assigned.push_back({offsetOf(dre->getBeginLoc()), Owned::No, addr, true});
        u.fills.push_back(std::move(*fill));
        continue;
      }
    const PointerUse use = classifyPointerUse(dre, *pm_, b_.ownership());
    if (use >= PointerUse::Kept)
      u.escapes.push_back(offsetOf(dre->getBeginLoc()));
    u.shared = u.shared || use == PointerUse::Escape;
  }
  // An owned value is its holder's from its assignment to the first escape or reassignment
  // after it; a pointer parameter from the function's start to its first escape or assignment.
  // `i`: the assignment opening the window; for a parameter's, ~0 (so the next is assigned[0]).
  auto windowIn = [&](auto &owned, const VarDecl *vd, Uses &u, unsigned from, size_t i, Owned kind,
                      int param, std::vector<std::string> through = {}) {
    unsigned to = i + 1 < u.assigned.size() ? u.assigned[i + 1].at : ~0u;
    for (unsigned e : u.escapes)
      if (e > from && e < to)
        to = e;
    owned[vd].push_back({from, to, kind, param, std::move(through)});
  };
  auto window = [&](auto &&...args) { windowIn(owned_, args...); };
  for (auto &[vd, u] : slots) {
    std::sort(u.assigned.begin(), u.assigned.end());
    for (size_t i = 0; i < u.assigned.size(); ++i)
      if (u.assigned[i].kind != Owned::No)
        windowIn(ownedSlots_, vd, u, u.assigned[i].at, i, u.assigned[i].kind, -1);
  }
  for (auto &[vd, u] : uses) {
    std::sort(u.assigned.begin(), u.assigned.end());
    if (auto *pv = dyn_cast<ParmVarDecl>(vd); pv && pv->getDeclContext() == fd_)
      window(vd, u, offsetOf(body->getBeginLoc()), ~size_t(0), Owned::No,
             static_cast<int>(pv->getFunctionScopeIndex()));
    for (size_t i = 0; i < u.assigned.size(); ++i)
      if (u.assigned[i].kind != Owned::No)
        window(vd, u, u.assigned[i].at, i, u.assigned[i].kind, -1);
    // Only ever owned, and never where another thread could find it: what it points to is
    // this frame's own, in the callees it is handed to too (a callee keeping it puts it where
    // others reach it under another name: a new object per call all the same).
    bool allOwned = std::all_of(u.assigned.begin(), u.assigned.end(),
                                [](const auto &a) { return a.kind != Owned::No || a.fill; });
    if (u.assigned.empty() && u.fills.empty())
      continue;
    if (!allOwned || u.shared || !u.pointee.starts_with("n:"))
      continue;
    if (u.fills.empty())
      out_.ownedPointees.push_back(u.pointee);
    else // owned if the out-parameters give fresh objects only: decided once linked
      out_.filledPointees.push_back({u.pointee, std::move(u.fills)});
  }
  // A pointer given what an owned one reaches (`ThreadArg *arg = (ThreadArg *)v;`, `ThreadState
  // *t = arg->thread;`) is owned as that one is: twice, for chains of two.
  for (int round = 0; round < 2; ++round)
    for (auto &[vd, u] : uses)
      for (size_t i = 0; i < u.assigned.size(); ++i) {
        if (u.assigned[i].kind != Owned::No || u.assigned[i].fill)
          continue;
        Owner o = ownerOf(stripExpr(u.assigned[i].value, StripExplicitCasts), false);
        const unsigned from = u.assigned[i].at;
        const auto &ws = owned_[vd];
        if ((o.kind != Owned::No || o.param != -1) &&
            std::none_of(ws.begin(), ws.end(),
                         [&](const OwnedWindow &w) { return w.from == from; }))
          window(vd, u, from, i, o.kind, o.param, std::move(o.through));
      }
}

namespace {

/// `a[i]` with both a variable: the array (or pointer) and the index.
std::pair<const VarDecl *, const VarDecl *> elementOf(const ArraySubscriptExpr *ase) {
  auto var = [](const Expr *e) -> const VarDecl * {
    auto *dre = dyn_cast<DeclRefExpr>(e->IgnoreParenImpCasts());
    return dre ? dyn_cast<VarDecl>(dre->getDecl()) : nullptr;
  };
  return {var(ase->getBase()), var(ase->getIdx())};
}

} // namespace

void FunctionExtractor::noteElementHandOver(const Stmt *s) {
  // `for (int i = 0; ...) { args[i].x = ...; start(&args[i]); }`: element i is this thread's
  // until it hands it over, on each iteration (a different element each time).
  auto *uo = dyn_cast<UnaryOperator>(s);
  if (!uo || uo->getOpcode() != UO_AddrOf || !isPerIterationObject(uo, ctx_))
    return;
  auto *ase = dyn_cast<ArraySubscriptExpr>(uo->getSubExpr()->IgnoreParenImpCasts());
  auto [array, index] = ase ? elementOf(ase) : std::pair<const VarDecl *, const VarDecl *>{};
  if (!array || !index)
    return;
  const Stmt *up = pm_->getParent(uo);
  while (up && isa<ImplicitCastExpr, ParenExpr, CStyleCastExpr, CXXNamedCastExpr>(up))
    up = pm_->getParent(up);
  if (!isa_and_nonnull<CallExpr, CXXConstructExpr>(up))
    return; // handed to a call or a thread, not stored
  // The innermost loop around it: the one isPerIterationObject found counting the index.
  for (const Stmt *p = up; p; p = pm_->getParent(p))
    if (auto *fs = dyn_cast<ForStmt>(p)) {
      elements_[{array, index}].push_back(
          {offsetOf(fs->getBeginLoc()), offsetOf(uo->getBeginLoc())});
      return;
    }
}

FunctionExtractor::Owner FunctionExtractor::ownerOf(const Expr *e, bool throughOnly,
                                                    bool atHandOver) const {
  const Expr *root = e->IgnoreParenImpCasts();
  bool deref = false;
  const unsigned at = offsetOf(e->getBeginLoc());
  std::vector<std::string> through;
  bool slot = false;
  // `base` is dereferenced on the way: a pointer field there leads out of the owned object.
  auto cross = [&](const Expr *base) {
    if (auto *me = dyn_cast<MemberExpr>(base))
      if (auto *f = dyn_cast<FieldDecl>(me->getMemberDecl()); f && f->getType()->isPointerType())
        through.push_back("f:" + canonicalFieldName(f));
  };
  if (!throughOnly) // the value itself is the pointer given or handed on
    cross(root);
  while (true) {
    if (auto *me = dyn_cast<MemberExpr>(root)) {
      deref = deref || me->isArrow();
      root = me->getBase()->IgnoreParenImpCasts();
      if (me->isArrow())
        cross(root);
    } else if (auto *ase = dyn_cast<ArraySubscriptExpr>(root)) {
      if (auto it = elements_.find(elementOf(ase)); it != elements_.end())
        for (const auto &[from, to] : it->second)
          if (at > from && at < to)
            return {Owned::Taken, -1, std::move(through)};
      deref = true;
      root = ase->getBase()->IgnoreParenImpCasts();
      cross(root);
    } else if (auto *uo = dyn_cast<UnaryOperator>(root); uo && uo->getOpcode() == UO_Deref) {
      root = uo->getSubExpr()->IgnoreParenImpCasts();
      if (auto *d = dyn_cast<DeclRefExpr>(root);
          d && isa<VarDecl>(d->getDecl()) && ownedSlots_.count(cast<VarDecl>(d->getDecl()))) {
        slot = true; // `*p` holds an owned value of its own
        break;
      }
      deref = true;
      cross(root);
    } else {
      break;
    }
  }
  if (throughOnly && !deref)
    return {};
  // What pthread_getspecific() / tss_get() return is the calling thread's own (try.h's stack).
  if (auto *ce = dyn_cast<CallExpr>(stripExpr(root, StripExplicitCasts)))
    if (const FunctionDecl *fd = ce->getDirectCallee();
        fd && fd->getIdentifier() &&
        (fd->getName() == "pthread_getspecific" || fd->getName() == "tss_get"))
      return {Owned::Fresh, -1, std::move(through)};
  if (isa<CXXThisExpr>(root)) // a method's object: owned when the caller handed it over
    return {Owned::No, Bindings::kThis, std::move(through)};
  auto *dre = dyn_cast<DeclRefExpr>(root);
  auto *vd = dre ? dyn_cast<VarDecl>(dre->getDecl()) : nullptr;
  const auto &windows = slot ? ownedSlots_ : owned_;
  auto it = vd ? windows.find(vd) : windows.end();
  if (it == windows.end())
    return {};
  for (const OwnedWindow &w : it->second) {
    if (at <= w.from || at > w.to || (at == w.to && !atHandOver))
      continue;
    // Not in a loop that goes round past the window's end without giving it a value again.
    bool repeated = false;
    for (const Stmt *p = pm_->getParent(e); p && !repeated; p = pm_->getParent(p))
      if (isLoopStmt(p)) {
        unsigned b = offsetOf(p->getBeginLoc()), end = offsetOf(p->getEndLoc());
        repeated = (w.from < b || w.from > end) && w.to >= b && w.to <= end;
      }
    if (!repeated) {
      through.insert(through.end(), w.through.begin(), w.through.end());
      return {w.kind, w.param, std::move(through)};
    }
  }
  return {};
}

} // namespace weft::analyzer
