// Per-function summaries: the lockset pass over the CFG and the access walk (FunctionSummary.h).
#include "FunctionSummary.h"

#include "Annotations.h"
#include "CallTargets.h"
#include "LockModel.h"
#include "Lockset.h"
#include "Naming.h"
#include "Substitution.h"
#include "ThreadModel.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Mangle.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/SourceManager.h"

#include <deque>
#include <optional>
#include <set>

namespace weft::analyzer {

using namespace clang;

namespace {

/// Guard ids that are not objects: locks assumed by REQUIRES, the once-flag after call_once.
constexpr std::uintptr_t kRequiresGuard = 1;
constexpr std::uintptr_t kOnceGuard = 2;
/// Guard id of happens-before facts (HeldLock::sync), which are not locks.
constexpr std::uintptr_t kSyncGuard = 3;
/// Calls nested deeper than this are not summarised (recursion is cut by the in-progress mark).
constexpr int kMaxDepth = 32;

std::uintptr_t guardId(const VarDecl *vd) { return reinterpret_cast<std::uintptr_t>(vd); }

const Expr *stripWrappers(const Expr *e) {
  while (e) {
    e = e->IgnoreParenImpCasts();
    if (auto *m = dyn_cast<MaterializeTemporaryExpr>(e))
      e = m->getSubExpr();
    else if (auto *b = dyn_cast<CXXBindTemporaryExpr>(e))
      e = b->getSubExpr();
    else if (auto *c = dyn_cast<CXXFunctionalCastExpr>(e))
      e = c->getSubExpr();
    else if (auto *ec = dyn_cast<ExprWithCleanups>(e))
      e = ec->getSubExpr();
    else if (auto *call = dyn_cast<CallExpr>(e);
             call && call->getDirectCallee() && call->getDirectCallee()->isInStdNamespace() &&
             call->getDirectCallee()->getIdentifier() &&
             call->getDirectCallee()->getName() == "move" && call->getNumArgs() == 1)
      e = call->getArg(0);
    else
      return e;
  }
  return e;
}

bool isWrapper(const Stmt *s) {
  return isa<ImplicitCastExpr, MaterializeTemporaryExpr, CXXBindTemporaryExpr,
             CXXFunctionalCastExpr, ExprWithCleanups, ParenExpr>(s) ||
         (isa<CXXConstructExpr>(s) && cast<CXXConstructExpr>(s)->getNumArgs() == 1 &&
          cast<CXXConstructExpr>(s)->getConstructor()->isCopyOrMoveConstructor());
}

/// A body the analysis follows: written in the main file or in one of the project's headers.
/// System headers (the standard library, `-isystem` paths) are never walked: LockModel knows
/// their synchronisation, and walking them would cost far more than parsing them.
bool hasProjectBody(const FunctionDecl *fd, const SourceManager &sm,
                    const FunctionDecl **def = nullptr) {
  const FunctionDecl *d = nullptr;
  if (!fd || !fd->hasBody(d) || !d || d->isDependentContext())
    return false;
  if (sm.isInSystemHeader(sm.getExpansionLoc(d->getLocation())))
    return false;
  if (def)
    *def = d;
  return true;
}

template <class A> const A *findAttr(const FunctionDecl *fd) {
  for (const FunctionDecl *r : fd->redecls())
    if (const A *a = r->getAttr<A>())
      return a;
  return nullptr;
}

/// What a branch condition says about a try-lock or a joinable() test.
struct CondFact {
  const Expr *call = nullptr;
  SyncOp op;
  bool successOnTrue = true;
  bool joinableTest = false;
  const FunctionDecl *tryAnnotated = nullptr;
};

class FunctionAnalysis {
public:
  FunctionAnalysis(SummaryBuilder &b, const FunctionDecl *fd, FunctionSummary &out)
      : b_(b), ctx_(b.context()), sm_(ctx_.getSourceManager()), fd_(fd), out_(out) {
    scope_.fn = fd;
    collectFences(fd->getBody());
  }

  void run();

private:
  struct Snapshot {
    RelLocks locks;
    Liveness live;
  };
  static bool sameSnapshot(const Snapshot &a, const LockState &st) {
    if (a.locks.held.size() != st.must.size() || a.live.live != st.live ||
        a.live.joined != st.joined || !(a.locks.released == st.released))
      return false;
    for (size_t i = 0; i < st.must.size(); ++i)
      if (!sameLock(a.locks.held[i].lock, st.must[i].lock) ||
          a.locks.held[i].shared != st.must[i].shared || a.locks.held[i].guard != st.must[i].guard)
        return false;
    return true;
  }
  ObjRef refOfDecl(const VarDecl *vd) const { return refOfVar(vd, scope_); }

  // Setup.
  void collectAliases(const Stmt *s);
  // Lockset pass.
  LockState entryState();
  void transfer(LockState &st, const CFGElement &el, bool record);
  void transferStmt(LockState &st, const Stmt *s, bool record);
  void branch(const CFGBlock *blk, const LockState &st, LockState &onTrue, LockState &onFalse);
  CondFact analyzeCondition(const Expr *cond);
  void onCreate(LockState &st, const Stmt *s, const SyncOp &op, bool record);
  void onJoin(LockState &st, const std::string &key);
  void acquire(LockState &st, const HeldLock &h, bool deadlockFree, const RelLocks &before,
               bool record);
  void release(LockState &st, const ObjRef &lock, SourceLocation at, bool record);
  bool applyAnnotations(LockState &st, const CallExpr *call, const FunctionDecl *callee,
                        const Bindings &bind, bool record);
  void applyCall(LockState &st, const FunctionDecl *callee, const Bindings &bind, const Stmt *at,
                 bool record, ObjRef extraLock = {});
  Bindings bindCall(const FunctionDecl *callee, const Expr *object, bool arrow,
                    llvm::ArrayRef<const Expr *> args);
  void exitFacts(const LockState &exit);
  std::string joinKey(const Stmt *s, const SyncOp &op) const {
    const Expr *obj = op.object;
    bool viaPointer = isa<CXXMemberCallExpr>(s) && obj->getType()->isPointerType();
    return handleKey(viaPointer ? pointeeOf(obj, scope_) : refOf(obj, scope_));
  }
  void findLoopJoins(const Stmt *s);
  SyncOp syncOf(const Stmt *s) const;
  /// The thread fences of this function's own body (not of lambdas in it), by source offset.
  void collectFences(const Stmt *s);
  struct Fence {
    unsigned offset;
    int order;
  };
  std::vector<Fence> fences_;
  void releasePass();
  // Access walk.
  void walk(const Stmt *s);
  void record(const Expr *at, const ObjRef &r, QualType t, bool write, bool atomic = false);
  void callLambdaArgs(LockState &st, const CallExpr *call, bool record);
  bool lockWrapper() const {
    llvm::StringRef n = fd_->getIdentifier() ? fd_->getName() : "";
    return n == "lock" || n == "lock_shared" || n.starts_with("try_lock");
  }
  void recordExpr(const Expr *e, bool write);
  void libraryArgs(const CallExpr *ce, unsigned firstArg);
  const Snapshot *snapshotFor(const Stmt *s) const;

  // Helpers.
  report::Location loc(SourceLocation l) const { return makeLocation(sm_, l); }
  ObjRef lockRef(const Expr *e, bool viaPointer) const {
    return viaPointer || e->getType()->isPointerType() ? pointeeOf(e, scope_) : refOf(e, scope_);
  }
  /// A recursive mutex type, or a pthread mutex initialised as recursive.
  bool isRecursive(const Expr *lock, const ObjRef &r) const {
    return isRecursiveMutexType(lock->getType()) || b_.isRecursiveLock(r.name);
  }
  std::string handleKey(const ObjRef &r) const {
    if (!r.valid())
      return "";
    return r.kind == ObjRef::Local ? r.inst : r.name;
  }
  std::string handleOfCreation(const Stmt *s, const SyncOp &op);
  const VarDecl *declaredVar(const Stmt *s) const;
  const VarDecl *guardVar(const Expr *e) const;
  bool inLoop(const Stmt *s) const;
  void issue(const std::string &rule, const std::string &var, const std::string &msg,
             SourceLocation at, std::vector<report::RelatedLocation> related = {}) {
    issueAt(rule, var, msg, loc(at), std::move(related));
  }
  void issueAt(const std::string &rule, const std::string &var, const std::string &msg,
               const report::Location &at, std::vector<report::RelatedLocation> related);

  SummaryBuilder &b_;
  ASTContext &ctx_;
  const SourceManager &sm_;
  const FunctionDecl *fd_;
  FunctionSummary &out_;
  NamingScope scope_;
  std::unique_ptr<CFG> cfg_;
  std::unique_ptr<ParentMap> pm_;
  llvm::DenseMap<const Expr *, const FieldDecl *> ctorInitField_;
  llvm::DenseMap<const Stmt *, size_t> snapIndex_;
  std::vector<Snapshot> snaps_;
  struct GuardLock {
    ObjRef lock;
    bool shared;
    bool recursive;
  };
  llvm::DenseMap<const VarDecl *, std::vector<GuardLock>> guardLocks_;
  std::map<std::string, int> siteByHandle_;
  std::map<int, std::vector<std::pair<std::string, report::Location>>> siteLocals_;
  std::set<std::string> seenAccess_;
  std::set<std::string> leaked_;
  /// Sync objects released on every path after a statement (the backward pass).
  llvm::DenseMap<const Stmt *, std::vector<ObjRef>> relAfter_;
  std::vector<const Stmt *> callStmts_; ///< parallel to out_.calls
  /// Joins of a container of threads inside a loop (`for (auto &t : ts) t.join()`): after the
  /// loop every thread of the container is joined, even on the zero-iteration path (there were
  /// then no threads).
  std::vector<std::pair<std::string, SourceLocation>> loopJoins_;
  bool assignedCreation_ = false;
  std::string assignedName_; ///< locks already reported leaking at a return
  std::set<std::string> seenIssue_;
};

// ---------------------------------------------------------------------------------------------
// Setup

void FunctionAnalysis::collectAliases(const Stmt *s) {
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

void FunctionAnalysis::run() {
  const Stmt *body = fd_->getBody();
  if (!body)
    return;
  out_.name = fd_->getQualifiedNameAsString();
  out_.isConstructor = isa<CXXConstructorDecl>(fd_);
  collectAliases(body);

  CFG::BuildOptions opts;
  opts.AddImplicitDtors = true;
  opts.AddInitializers = true;
  opts.setAllAlwaysAdd();
  cfg_ = CFG::buildCFG(fd_, const_cast<Stmt *>(body), &ctx_, opts);
  if (!cfg_)
    return;
  pm_ = std::make_unique<ParentMap>(const_cast<Stmt *>(body));
  if (auto *ctor = dyn_cast<CXXConstructorDecl>(fd_)) {
    for (const CXXCtorInitializer *init : ctor->inits()) {
      if (!init->getInit() || !init->isWritten())
        continue;
      pm_->addStmt(init->getInit());
      if (init->getMember())
        ctorInitField_[init->getInit()] = init->getMember();
    }
  }

  findLoopJoins(body);

  // Fixpoint over the CFG: block entry states, joined over predecessors.
  const unsigned n = cfg_->getNumBlockIDs();
  std::vector<LockState> in(n);
  const CFGBlock &entry = cfg_->getEntry();
  in[entry.getBlockID()] = entryState();
  std::deque<const CFGBlock *> work{&entry};
  std::vector<char> queued(n, 0);
  queued[entry.getBlockID()] = 1;
  unsigned steps = 0;
  const unsigned maxSteps = 40 * n + 100;
  auto propagate = [&](const CFGBlock *succ, const LockState &st) {
    if (!succ || !st.reached)
      return;
    LockState merged = in[succ->getBlockID()];
    merged.meet(st);
    if (!(merged == in[succ->getBlockID()]) || !in[succ->getBlockID()].reached) {
      in[succ->getBlockID()] = std::move(merged);
      if (!queued[succ->getBlockID()]) {
        queued[succ->getBlockID()] = 1;
        work.push_back(succ);
      }
    }
  };
  while (!work.empty() && steps++ < maxSteps) {
    const CFGBlock *blk = work.front();
    work.pop_front();
    queued[blk->getBlockID()] = 0;
    LockState st = in[blk->getBlockID()];
    for (const CFGElement &el : *blk)
      transfer(st, el, false);
    if (blk->hasNoReturnElement())
      continue; // abort(), assert failure, throw: not a path to the function's end
    LockState onTrue, onFalse;
    branch(blk, st, onTrue, onFalse);
    unsigned i = 0;
    for (const CFGBlock::AdjacentBlock &succ : blk->succs()) {
      propagate(succ.getReachableBlock(), blk->succ_size() == 2 ? (i == 0 ? onTrue : onFalse) : st);
      ++i;
    }
  }

  // Final pass: record events and the state before every statement.
  for (const CFGBlock *blk : *cfg_) {
    LockState st = in[blk->getBlockID()];
    if (!st.reached)
      continue;
    for (const CFGElement &el : *blk)
      transfer(st, el, true);
  }
  exitFacts(in[cfg_->getExit().getBlockID()]);
  releasePass();

  walk(body);
  if (auto *ctor = dyn_cast<CXXConstructorDecl>(fd_))
    for (const CXXCtorInitializer *init : ctor->inits())
      if (init->isWritten())
        walk(init->getInit());
}

LockState FunctionAnalysis::entryState() {
  LockState st;
  st.reached = true;
  if (const auto *req = findAttr<RequiresCapabilityAttr>(fd_)) {
    for (const Expr *arg : req->args()) {
      ObjRef r = lockRef(arg, false);
      if (r.valid())
        st.acquire({r, req->isShared(), false, false, kRequiresGuard, loc(fd_->getLocation())});
    }
  }
  return st;
}

void FunctionAnalysis::issueAt(const std::string &rule, const std::string &var,
                               const std::string &msg, const report::Location &l,
                               std::vector<report::RelatedLocation> related) {
  std::string key =
      rule + "|" + var + "|" + std::to_string(l.line) + ":" + std::to_string(l.column);
  if (!seenIssue_.insert(key).second)
    return;
  out_.issues.push_back({rule, var, msg, l, std::move(related)});
}

bool FunctionAnalysis::inLoop(const Stmt *s) const {
  for (const Stmt *p = pm_->getParent(s); p; p = pm_->getParent(p))
    if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(p))
      return true;
  return false;
}

const VarDecl *FunctionAnalysis::declaredVar(const Stmt *s) const {
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

const VarDecl *FunctionAnalysis::guardVar(const Expr *e) const {
  if (!e)
    return nullptr;
  if (auto *dre = dyn_cast<DeclRefExpr>(stripWrappers(e)))
    return dyn_cast<VarDecl>(dre->getDecl());
  return nullptr;
}

std::string FunctionAnalysis::handleOfCreation(const Stmt *s, const SyncOp &op) {
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
    assignedCreation_ = true;
    assignedName_ = refOf(oc->getArg(0), scope_).name;
    return handleKey(refOf(oc->getArg(0), scope_));
  }
  if (auto *mc = dyn_cast<CXXMemberCallExpr>(p)) {
    const Expr *obj = mc->getImplicitObjectArgument();
    if (obj && obj != child)
      return handleKey(obj->getType()->isPointerType() ? pointeeOf(obj, scope_)
                                                       : refOf(obj, scope_));
  }
  return "";
}

// ---------------------------------------------------------------------------------------------
// Lockset pass

void FunctionAnalysis::transfer(LockState &st, const CFGElement &el, bool record) {
  if (auto cs = el.getAs<CFGStmt>()) {
    const Stmt *s = cs->getStmt();
    if (record && !snapIndex_.count(s)) {
      if (snaps_.empty() || !sameSnapshot(snaps_.back(), st))
        snaps_.push_back({st.rel(), st.liveness()});
      snapIndex_[s] = snaps_.size() - 1;
    }
    transferStmt(st, s, record);
    return;
  }
  if (auto dtor = el.getAs<CFGAutomaticObjDtor>()) {
    const VarDecl *vd = dtor->getVarDecl();
    QualType t = vd->getType();
    if (guardLocks_.count(vd) ||
        isStdClass(t, {"lock_guard", "unique_lock", "shared_lock", "scoped_lock"})) {
      st.releaseGuard(guardId(vd));
    } else if (isStdClass(t, {"jthread"})) {
      onJoin(st, handleKey(refOfDecl(vd)));
    } else if (isStdClass(t, {"thread"})) {
      std::string key = handleKey(refOfDecl(vd));
      if (record && st.joinable.count(key) && st.joinable[key])
        issue("joinable-thread-destroyed", vd->getNameAsString(),
              "thread '" + vd->getNameAsString() +
                  "' may be destroyed while joinable (neither joined nor detached on some path); "
                  "std::terminate is called",
              dtor->getTriggerStmt() ? dtor->getTriggerStmt()->getEndLoc() : vd->getLocation(),
              {{"thread object declared here", loc(vd->getLocation()), {}}});
    }
  }
}

void FunctionAnalysis::acquire(LockState &st, const HeldLock &h, bool deadlockFree,
                               const RelLocks &before, bool record) {
  if (record) {
    auto prev = std::find_if(st.must.begin(), st.must.end(),
                             [&](const HeldLock &x) { return sameLock(x.lock, h.lock); });
    if (prev != st.must.end() && !h.recursive && !(prev->shared && h.shared) &&
        prev->guard != kOnceGuard && prev->guard != kSyncGuard && !h.lock.inst.empty())
      issueAt("double-lock", h.lock.name,
              "mutex '" + h.lock.name +
                  "' is locked again while already held; it is not "
                  "recursive, so this deadlocks",
              h.at, {{"first acquired here", prev->at, {}}});
    out_.acquires.push_back({h, deadlockFree, false, before});
  }
  st.acquire(h);
}

void FunctionAnalysis::release(LockState &st, const ObjRef &lock, SourceLocation at, bool record) {
  if (record && !st.mayHold(lock)) {
    bool releasedBefore =
        std::find(st.released.begin(), st.released.end(), lock) != st.released.end();
    if (releasedBefore)
      issue("unlock-not-held", lock.name,
            "mutex '" + lock.name + "' is unlocked but not held (already unlocked)", at);
    else
      out_.acquires.push_back({{lock, false, false, true, 0, loc(at)}, false, true, st.rel()});
  }
  st.release(lock);
}

void FunctionAnalysis::onJoin(LockState &st, const std::string &key) {
  if (key.empty())
    return;
  st.joined.insert(key);
  std::erase_if(st.live, [&](int site) { return b_.facts().sites[site].handle == key; });
  if (st.joinable.count(key))
    st.joinable[key] = false;
}

void FunctionAnalysis::onCreate(LockState &st, const Stmt *s, const SyncOp &op, bool record) {
  ThreadEntry entry = resolveThreadEntry(op, scope_);
  if (op.deferred) { // runs in the caller at get(): a call, not a thread
    if (entry.fn)
      applyCall(st, entry.fn, entry.bind, s, record);
    return;
  }
  int site = b_.siteId(s);
  assignedCreation_ = false;
  std::string handle = handleOfCreation(s, op);
  if (record && assignedCreation_ && st.joinable.count(handle) && st.joinable[handle])
    issue("joinable-thread-destroyed", assignedName_,
          "a new thread is move-assigned into a std::thread that may still be joinable; "
          "std::terminate is called",
          s->getBeginLoc());
  if (b_.facts().sites[site].loc.line == 0) {
    ThreadSite ts;
    ts.id = site;
    ts.bind = entry.bind;
    ts.loc = loc(s->getBeginLoc());
    ts.handle = handle;
    ts.entryName = entry.name;
    b_.facts().sites[site] = ts;
    int idx = entry.fn ? b_.summarize(entry.fn) : -1;
    b_.facts().sites[site].entry = idx;
    if (idx < 0 && entry.fn)
      b_.facts().sites[site].entryLink = b_.linkName(entry.fn);
  }
  siteLocals_[site] = entry.localsByRef;
  const bool isAsync = isa<CallExpr>(s) && !isa<CXXMemberCallExpr>(s) &&
                       cast<CallExpr>(s)->getDirectCallee() &&
                       cast<CallExpr>(s)->getDirectCallee()->isInStdNamespace();
  if (record)
    out_.creates.push_back({site, loc(s->getBeginLoc()), st.rel(), st.liveness(), inLoop(s)});
  if (isAsync && handle.empty())
    return; // a discarded std::future joins at the end of the full-expression
  st.live.insert(site);
  if (!handle.empty()) {
    st.joined.erase(handle);
    siteByHandle_[handle] = site;
    if (isa<CXXConstructExpr>(s) && isStdClass(cast<Expr>(s)->getType(), {"thread"}))
      st.joinable[handle] = true;
  }
}

Bindings FunctionAnalysis::bindCall(const FunctionDecl *callee, const Expr *object, bool arrow,
                                    llvm::ArrayRef<const Expr *> args) {
  Bindings b;
  if (object) {
    const Expr *o = object->IgnoreParenImpCasts();
    if (isa<CXXThisExpr>(o))
      b.thisObj = {ObjRef::Field, "", "this"};
    else {
      ObjRef r = arrow ? pointeeOf(object, scope_) : refOf(object, scope_);
      b.thisObj = r.valid() ? r : ObjRef{ObjRef::Field, "", ""};
    }
  }
  for (unsigned i = 0; i < args.size() && i < callee->getNumParams(); ++i) {
    QualType pt = callee->getParamDecl(i)->getType();
    ObjRef r;
    if (pt->isReferenceType())
      r = refOf(args[i], scope_);
    else if (pt->isPointerType())
      r = pointeeOf(args[i], scope_);
    if (r.valid())
      b.params[static_cast<int>(i)] = r;
  }
  return b;
}

bool FunctionAnalysis::applyAnnotations(LockState &st, const CallExpr *call,
                                        const FunctionDecl *callee, const Bindings &bind,
                                        bool record) {
  NamingScope calleeScope;
  calleeScope.fn = callee;
  auto locksOf = [&](auto *attr) {
    std::vector<ObjRef> out;
    for (const Expr *arg : attr->args()) {
      ObjRef r =
          arg->getType()->isPointerType() ? pointeeOf(arg, calleeScope) : refOf(arg, calleeScope);
      if (r.valid())
        out.push_back(substitute(r, bind));
    }
    if (attr->args_size() == 0 && bind.thisObj.valid()) { // the object is the capability
      if (auto *mc = dyn_cast<CXXMemberCallExpr>(call)) {
        const Expr *obj = mc->getImplicitObjectArgument();
        ObjRef r = lockRef(obj, false);
        if (r.valid())
          out.push_back(r);
      }
    }
    return out;
  };
  bool any = false;
  if (const auto *a = findAttr<AcquireCapabilityAttr>(callee)) {
    RelLocks before = st.rel();
    for (const ObjRef &r : locksOf(a))
      acquire(st, {r, a->isShared(), false, true, 0, loc(call->getBeginLoc())}, false, before,
              record);
    any = true;
  }
  if (const auto *a = findAttr<ReleaseCapabilityAttr>(callee)) {
    for (const ObjRef &r : locksOf(a))
      release(st, r, call->getBeginLoc(), record);
    any = true;
  }
  return any || findAttr<TryAcquireCapabilityAttr>(callee);
}

void FunctionAnalysis::applyCall(LockState &st, const FunctionDecl *callee, const Bindings &bind,
                                 const Stmt *at, bool record, ObjRef extraLock) {
  int idx = b_.summarize(callee);
  if (idx < 0)
    return;
  if (record) {
    out_.calls.push_back(
        {idx, bind, loc(at->getBeginLoc()), st.rel(), st.liveness(), inLoop(at), extraLock, {}});
    callStmts_.push_back(at);
  }
  const FunctionSummary &cs = b_.facts().functions[idx];
  for (const ObjRef &r : cs.releasedAtExit)
    st.release(substitute(r, bind));
  for (HeldLock h : cs.acquiredAtExit) {
    h.lock = substitute(h.lock, bind);
    st.acquire(h);
  }
  for (int site : cs.liveAtExit.live)
    st.live.insert(site);
  for (const std::string &h : cs.liveAtExit.joined)
    onJoin(st, h);
}

void FunctionAnalysis::findLoopJoins(const Stmt *s) {
  if (!s || isa<LambdaExpr>(s))
    return;
  if (SyncOp op = classifySync(s); op.kind == SyncOp::Join) {
    const Stmt *loop = nullptr;
    for (const Stmt *p = pm_->getParent(s); p; p = pm_->getParent(p))
      if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(p))
        loop = p;
    std::string key = joinKey(s, op);
    if (loop && !key.empty())
      loopJoins_.push_back({key, loop->getEndLoc()});
  }
  for (const Stmt *c : s->children())
    findLoopJoins(c);
}

void FunctionAnalysis::transferStmt(LockState &st, const Stmt *s, bool record) {
  for (const auto &[key, loopEnd] : loopJoins_)
    if (!st.live.empty() && sm_.isBeforeInTranslationUnit(loopEnd, s->getBeginLoc()))
      onJoin(st, key);
  if (isa<ReturnStmt>(s)) {
    if (record && !lockWrapper() && !findAttr<AcquireCapabilityAttr>(fd_) &&
        !findAttr<TryAcquireCapabilityAttr>(fd_))
      for (const HeldLock &h : st.may)
        if (h.manual && h.guard == 0) {
          leaked_.insert(h.lock.name + "|" + h.lock.inst);
          issue("lock-leak", h.lock.name,
                "returns with mutex '" + h.lock.name + "' still locked on some path",
                s->getBeginLoc(), {{"'" + h.lock.name + "' locked here", h.at, {}}});
        }
    return;
  }
  SyncOp op = syncOf(s);
  const SourceLocation at = s->getBeginLoc();
  switch (op.kind) {
  case SyncOp::Acquire: {
    RelLocks before = st.rel();
    for (const Expr *e : op.locks) {
      ObjRef r = lockRef(e, op.viaPointer);
      if (!r.valid())
        continue;
      bool recursive = op.recursive || isRecursive(e, r);
      acquire(st, {r, op.shared, recursive, true, 0, loc(at)}, op.deadlockFree, before, record);
    }
    return;
  }
  case SyncOp::Release:
    for (const Expr *e : op.locks)
      if (ObjRef r = lockRef(e, op.viaPointer); r.valid())
        release(st, r, at, record);
    return;
  case SyncOp::GuardCtor: {
    const VarDecl *g = declaredVar(s);
    if (!g)
      return;
    if (op.mode == SyncOp::Move) {
      const VarDecl *from = guardVar(op.moveFrom);
      if (!from)
        return;
      guardLocks_[g] = guardLocks_[from];
      for (auto *set : {&st.must, &st.may})
        for (HeldLock &h : *set)
          if (h.guard == guardId(from))
            h.guard = guardId(g);
      return;
    }
    std::vector<GuardLock> locks;
    for (const Expr *e : op.locks)
      if (ObjRef r = lockRef(e, false); r.valid())
        locks.push_back({r, op.shared, isRecursiveMutexType(e->getType())});
    guardLocks_[g] = locks;
    if (op.mode == SyncOp::Adopt) {
      for (auto *set : {&st.must, &st.may})
        for (HeldLock &h : *set)
          for (const GuardLock &l : locks)
            if (sameLock(h.lock, l.lock) && h.guard == 0) {
              h.guard = guardId(g);
              h.manual = false;
            }
    } else if (op.mode == SyncOp::Lock) {
      RelLocks before = st.rel();
      for (const GuardLock &l : locks)
        acquire(st, {l.lock, l.shared, l.recursive, false, guardId(g), loc(at)}, op.deadlockFree,
                before, record);
    }
    return;
  }
  case SyncOp::GuardLock:
    if (const VarDecl *g = guardVar(op.object)) {
      RelLocks before = st.rel();
      for (const GuardLock &l : guardLocks_[g])
        acquire(st, {l.lock, l.shared, l.recursive, false, guardId(g), loc(at)}, false, before,
                record);
    }
    return;
  case SyncOp::GuardUnlock:
    if (const VarDecl *g = guardVar(op.object)) {
      if (record && guardLocks_.count(g) && !guardLocks_[g].empty() &&
          std::none_of(st.may.begin(), st.may.end(),
                       [&](const HeldLock &h) { return h.guard == guardId(g); }))
        issue("unlock-not-held", guardLocks_[g].front().lock.name,
              "'" + g->getNameAsString() + ".unlock()' but the lock does not own mutex '" +
                  guardLocks_[g].front().lock.name + "'",
              at);
      st.releaseGuard(guardId(g));
    }
    return;
  case SyncOp::GuardRelease:
    if (const VarDecl *g = guardVar(op.object))
      for (auto *set : {&st.must, &st.may})
        for (HeldLock &h : *set)
          if (h.guard == guardId(g)) {
            h.guard = 0;
            h.manual = true;
          }
    return;
  case SyncOp::CvWait:
    if (record && !op.hasPredicate && !inLoop(s)) {
      ObjRef cv = op.pthreadWait ? pointeeOf(op.object, scope_) : refOf(op.object, scope_);
      std::string name = cv.valid() ? cv.name : "condition variable";
      issue("cv-wait-without-predicate", name,
            "wait on '" + name +
                "' without a predicate and outside a loop: a spurious or "
                "early wake-up is taken for the condition",
            at);
    }
    callLambdaArgs(st, cast<CallExpr>(s), record);
    return;
  case SyncOp::Create:
    onCreate(st, s, op, record);
    return;
  case SyncOp::Join:
    onJoin(st, joinKey(s, op));
    return;
  case SyncOp::Detach: {
    const Expr *obj = stripWrappers(op.object);
    int site = -1;
    std::string key;
    if (classifySync(obj).kind == SyncOp::Create) {
      site = b_.siteId(obj);
    } else {
      ObjRef r = (isa<CXXMemberCallExpr>(s) && obj->getType()->isPointerType())
                     ? pointeeOf(obj, scope_)
                     : refOf(obj, scope_);
      key = handleKey(r);
      if (auto it = siteByHandle_.find(key); it != siteByHandle_.end())
        site = it->second;
      if (st.joinable.count(key))
        st.joinable[key] = false;
    }
    if (record && site >= 0) {
      for (const auto &[name, capturedAt] : siteLocals_[site])
        issue("detached-thread-captures-local", name,
              "detached thread uses local '" + name + "' by reference; it may outlive the variable",
              at,
              {{"'" + name + "' captured or passed by reference here", capturedAt, {}},
               {"thread created here", b_.facts().sites[site].loc, {}}});
    }
    return;
  }
  case SyncOp::CallOnce: {
    ObjRef flag = lockRef(op.object, op.viaPointer);
    ThreadEntry entry = resolveThreadEntry(op, scope_);
    if (entry.fn)
      applyCall(st, entry.fn, entry.bind, s, record, flag);
    if (flag.valid() && !st.mustHold(flag))
      st.acquire({flag, true, true, false, kOnceGuard, loc(at)});
    return;
  }
  case SyncOp::Sync:
    if (op.syncAcquire)
      if (ObjRef r = lockRef(op.object, op.viaPointer);
          r.valid() && std::none_of(st.must.begin(), st.must.end(), [&](const HeldLock &h) {
            return h.sync == 1 && sameLock(h.lock, r);
          })) {
        HeldLock h{r, false, false, false, kSyncGuard, loc(at)};
        h.sync = 1;
        st.acquire(h);
      }
    return;
  case SyncOp::TryAcquire:
  case SyncOp::GuardOwns:
  case SyncOp::None:
    break;
  }
  // A call of the analysed code: apply its summary.
  const auto *call = dyn_cast<CallExpr>(s);
  if (!call)
    return;
  unsigned firstArg = 0;
  const FunctionDecl *callee = resolveCallTarget(call, &firstArg);
  if (!callee)
    return;
  const Expr *object = nullptr;
  bool arrow = false;
  std::vector<const Expr *> args;
  if (firstArg > 0) {
    args.assign(call->arg_begin() + firstArg, call->arg_end());
  } else if (auto *mc = dyn_cast<CXXMemberCallExpr>(call)) {
    object = mc->getImplicitObjectArgument();
    if (auto *me = dyn_cast<MemberExpr>(mc->getCallee()->IgnoreParens()))
      arrow = me->isArrow();
    args.assign(mc->arg_begin(), mc->arg_end());
  } else if (auto *oc = dyn_cast<CXXOperatorCallExpr>(call);
             oc && isa<CXXMethodDecl>(callee) && oc->getNumArgs() > 0) {
    object = oc->getArg(0);
    args.assign(oc->arg_begin() + 1, oc->arg_end());
  } else {
    args.assign(call->arg_begin(), call->arg_end());
  }
  if (auto *md = dyn_cast<CXXMethodDecl>(callee); md && md->isStatic())
    object = nullptr;
  Bindings bind = bindCall(callee, object, arrow, args);
  if (applyAnnotations(st, call, callee, bind, record))
    return;
  const FunctionDecl *def = nullptr;
  if (hasProjectBody(callee, sm_, &def)) {
    applyCall(st, def, bind, s, record);
    return;
  }
  callLambdaArgs(st, call, record);
  // Defined in another file of the project, maybe: the whole-program step links the call to that
  // file's summary. Its effect on this function's own lockset (a lock wrapper) is not known here.
  if (std::string link = b_.linkName(callee); record && !link.empty()) {
    out_.calls.push_back(
        {-1, bind, loc(s->getBeginLoc()), st.rel(), st.liveness(), inLoop(s), {}, std::move(link)});
    callStmts_.push_back(s);
  }
}

SyncOp FunctionAnalysis::syncOf(const Stmt *s) const {
  // C11 _Atomic objects used with plain operators: seq_cst stores, loads and updates.
  if (auto *bo = dyn_cast<BinaryOperator>(s);
      bo && bo->isAssignmentOp() && bo->getLHS()->getType()->isAtomicType()) {
    SyncOp op;
    op.kind = SyncOp::Sync;
    op.object = bo->getLHS();
    op.syncRelease = true;
    op.syncAcquire = bo->isCompoundAssignmentOp();
    return op;
  }
  if (auto *uo = dyn_cast<UnaryOperator>(s);
      uo && uo->isIncrementDecrementOp() && uo->getSubExpr()->getType()->isAtomicType()) {
    SyncOp op;
    op.kind = SyncOp::Sync;
    op.object = uo->getSubExpr();
    op.syncRelease = op.syncAcquire = true;
    return op;
  }
  if (auto *ice = dyn_cast<ImplicitCastExpr>(s); ice && ice->getCastKind() == CK_LValueToRValue &&
                                                 ice->getSubExpr()->getType()->isAtomicType()) {
    SyncOp op;
    op.kind = SyncOp::Sync;
    op.object = ice->getSubExpr();
    op.syncAcquire = true;
    return op;
  }
  SyncOp op = classifySync(s);
  if (op.kind == SyncOp::None && !fences_.empty()) {
    // Source order stands for program order: a release fence written before a relaxed store, an
    // acquire fence written after a relaxed load.
    const unsigned at = sm_.getFileOffset(sm_.getFileLoc(s->getBeginLoc()));
    bool releaseBefore = false, acquireAfter = false;
    for (const Fence &f : fences_) {
      releaseBefore |= f.offset < at && (f.order == 3 || f.order == 4 || f.order == 5);
      acquireAfter |= f.offset > at && (f.order == 2 || f.order == 4 || f.order == 5);
    }
    if (releaseBefore || acquireAfter)
      return classifyFencedAtomic(s, releaseBefore, acquireAfter);
  }
  return op;
}

void FunctionAnalysis::collectFences(const Stmt *s) {
  if (!s || isa<LambdaExpr>(s))
    return;
  int order = 0;
  if (auto *ce = dyn_cast<CallExpr>(s); ce && isThreadFence(ce, &order))
    fences_.push_back({sm_.getFileOffset(sm_.getFileLoc(ce->getBeginLoc())), order});
  for (const Stmt *c : s->children())
    collectFences(c);
}

void FunctionAnalysis::releasePass() {
  // Backward must-analysis: which sync objects are released on every path from a statement to
  // the function's end. What a thread writes before such a release is published to whoever
  // acquires the object later.
  const unsigned n = cfg_->getNumBlockIDs();
  std::vector<std::vector<ObjRef>> inSet(n);
  std::vector<char> known(n, 0);
  llvm::DenseMap<const Stmt *, size_t> callIndex;
  for (size_t i = 0; i < callStmts_.size(); ++i)
    callIndex[callStmts_[i]] = i;
  auto intersect = [](std::vector<ObjRef> &a, const std::vector<ObjRef> &b) {
    std::erase_if(a, [&](const ObjRef &x) {
      return std::none_of(b.begin(), b.end(), [&](const ObjRef &y) { return sameLock(x, y); });
    });
  };
  auto through = [&](const CFGBlock *blk, bool record) {
    std::vector<ObjRef> cur;
    bool first = true;
    if (blk->hasNoReturnElement())
      return std::optional<std::vector<ObjRef>>(); // aborts: no constraint on the paths
    if (blk == &cfg_->getExit()) {
      first = false;
    } else {
      for (const CFGBlock::AdjacentBlock &succ : blk->succs()) {
        const CFGBlock *sb = succ.getReachableBlock();
        if (!sb || !known[sb->getBlockID()])
          continue;
        if (first)
          cur = inSet[sb->getBlockID()];
        else
          intersect(cur, inSet[sb->getBlockID()]);
        first = false;
      }
    }
    if (first && blk != &cfg_->getExit())
      return std::optional<std::vector<ObjRef>>(); // no successor known yet: top
    for (auto it = blk->rbegin(); it != blk->rend(); ++it) {
      auto cs = it->getAs<CFGStmt>();
      if (!cs)
        continue;
      const Stmt *s = cs->getStmt();
      if (record && !cur.empty())
        relAfter_[s] = cur;
      auto add = [&](const ObjRef &r) {
        if (r.valid() &&
            std::none_of(cur.begin(), cur.end(), [&](const ObjRef &x) { return sameLock(x, r); }))
          cur.push_back(r);
      };
      SyncOp op = syncOf(s);
      if (op.kind == SyncOp::Sync && op.syncRelease)
        add(lockRef(op.object, op.viaPointer));
      if (auto ci = callIndex.find(s); ci != callIndex.end()) {
        const SCall &call = out_.calls[ci->second];
        if (call.callee >= 0) // a callee of another file: its releases are not known here
          for (const ObjRef &r : b_.facts().functions[call.callee].syncReleased)
            add(substitute(r, call.bind));
      }
    }
    return std::optional<std::vector<ObjRef>>(cur);
  };
  bool changed = true;
  for (int round = 0; changed && round < 20; ++round) {
    changed = false;
    for (auto it = cfg_->rbegin(); it != cfg_->rend(); ++it) {
      const CFGBlock *blk = *it;
      auto next = through(blk, false);
      if (!next)
        continue;
      unsigned id = blk->getBlockID();
      if (!known[id] || next->size() != inSet[id].size()) {
        inSet[id] = *next;
        known[id] = 1;
        changed = true;
      }
    }
  }
  for (const CFGBlock *blk : *cfg_)
    through(blk, true);
  if (known[cfg_->getEntry().getBlockID()])
    out_.syncReleased = inSet[cfg_->getEntry().getBlockID()];
  // Callees' accesses are published by the releases that follow the call, too.
  for (size_t i = 0; i < callStmts_.size(); ++i) {
    auto it = relAfter_.find(callStmts_[i]);
    if (it == relAfter_.end())
      continue;
    for (const ObjRef &x : it->second) {
      HeldLock h{x, false, false, false, kSyncGuard, out_.calls[i].loc};
      h.sync = 2;
      out_.calls[i].locks.held.push_back(h);
    }
  }
}

void FunctionAnalysis::callLambdaArgs(LockState &st, const CallExpr *call, bool record) {
  // A lambda handed to library code (an algorithm, a wait predicate) runs here, now.
  for (const Expr *arg : call->arguments()) {
    const Expr *e = stripWrappers(arg);
    if (auto *dre = dyn_cast<DeclRefExpr>(e))
      if (auto *vd = dyn_cast<VarDecl>(dre->getDecl());
          vd && vd->getInit() && !vd->hasGlobalStorage())
        e = stripWrappers(vd->getInit());
    if (auto *le = dyn_cast<LambdaExpr>(e))
      applyCall(st, le->getCallOperator(), Bindings{}, call, record);
  }
}

CondFact FunctionAnalysis::analyzeCondition(const Expr *cond) {
  CondFact f;
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
        return f;
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
    return f;
  f.op = classifySync(e);
  f.call = e;
  if (f.op.kind == SyncOp::TryAcquire)
    f.successOnTrue = f.op.successIsZero ? !polarity : polarity;
  else if (f.op.kind == SyncOp::GuardOwns)
    f.successOnTrue = polarity;
  else if (auto *mc = dyn_cast<CXXMemberCallExpr>(e);
           mc && mc->getMethodDecl() && mc->getMethodDecl()->getIdentifier() &&
           mc->getMethodDecl()->getName() == "joinable") {
    f.joinableTest = true;
    f.op.object = mc->getImplicitObjectArgument();
    f.successOnTrue = polarity;
  } else if (auto *call = dyn_cast<CallExpr>(e);
             call && call->getDirectCallee() &&
             findAttr<TryAcquireCapabilityAttr>(call->getDirectCallee())) {
    f.tryAnnotated = call->getDirectCallee();
    f.successOnTrue = polarity;
  }
  return f;
}

void FunctionAnalysis::branch(const CFGBlock *blk, const LockState &st, LockState &onTrue,
                              LockState &onFalse) {
  onTrue = st;
  onFalse = st;
  if (blk->succ_size() != 2)
    return;
  const Stmt *condStmt = blk->getTerminatorCondition();
  const auto *cond = dyn_cast_or_null<Expr>(condStmt);
  if (!cond)
    return;
  CondFact f = analyzeCondition(cond);
  LockState &win = f.successOnTrue ? onTrue : onFalse;
  const SourceLocation at = cond->getBeginLoc();
  if (f.op.kind == SyncOp::TryAcquire) {
    for (const Expr *e : f.op.locks)
      if (ObjRef r = lockRef(e, f.op.viaPointer); r.valid())
        win.acquire({r, f.op.shared, isRecursive(e, r), true, 0, loc(at)});
  } else if (f.op.kind == SyncOp::GuardOwns) {
    if (const VarDecl *g = guardVar(f.op.object))
      for (const GuardLock &l : guardLocks_[g])
        if (std::none_of(win.must.begin(), win.must.end(),
                         [&](const HeldLock &h) { return h.guard == guardId(g); }))
          win.acquire({l.lock, l.shared, l.recursive, false, guardId(g), loc(at)});
  } else if (f.joinableTest) {
    LockState &notJoinable = f.successOnTrue ? onFalse : onTrue;
    std::string key = handleKey(refOf(f.op.object, scope_));
    if (notJoinable.joinable.count(key))
      notJoinable.joinable[key] = false;
  } else if (f.tryAnnotated) {
    // TRY_ACQUIRE(true, mu): the capability is held on the success edge.
    const auto *a = findAttr<TryAcquireCapabilityAttr>(f.tryAnnotated);
    NamingScope calleeScope;
    calleeScope.fn = f.tryAnnotated;
    Bindings bind;
    if (auto *mc = dyn_cast<CXXMemberCallExpr>(f.call))
      bind = bindCall(f.tryAnnotated, mc->getImplicitObjectArgument(), false, {});
    for (const Expr *arg : a->args())
      if (ObjRef r = refOf(arg, calleeScope); r.valid())
        win.acquire({substitute(r, bind), a->isShared(), false, true, 0, loc(at)});
  }
}

void FunctionAnalysis::exitFacts(const LockState &exit) {
  if (!exit.reached)
    return;
  for (const HeldLock &h : exit.must)
    if (h.guard == 0 || h.guard == kSyncGuard)
      out_.acquiredAtExit.push_back(h);
  out_.releasedAtExit = exit.released;
  out_.liveAtExit = exit.liveness();
  if (findAttr<AcquireCapabilityAttr>(fd_) || findAttr<TryAcquireCapabilityAttr>(fd_) ||
      lockWrapper())
    return;
  std::set<std::string> reported;
  for (const HeldLock &h : exit.may) {
    if (!h.manual || h.guard != 0 || leaked_.count(h.lock.name + "|" + h.lock.inst) ||
        !reported.insert(h.lock.name + h.lock.inst).second)
      continue;
    report::RelatedLocation end{"end of '" + fd_->getNameAsString() + "' reached with it held",
                                loc(fd_->getBody()->getEndLoc()),
                                {}};
    report::Location l = h.at;
    std::string key = "lock-leak|" + h.lock.name + "|" + std::to_string(l.line);
    if (!seenIssue_.insert(key).second)
      continue;
    out_.issues.push_back(
        {"lock-leak",
         h.lock.name,
         "mutex '" + h.lock.name + "' locked here is not released on " +
             (std::any_of(exit.must.begin(), exit.must.end(),
                          [&](const HeldLock &x) { return sameLock(x.lock, h.lock); })
                  ? "any"
                  : "some") +
             " path to the end of '" + fd_->getNameAsString() + "'",
         l,
         {end}});
  }
}

// ---------------------------------------------------------------------------------------------
// Access walk

const FunctionAnalysis::Snapshot *FunctionAnalysis::snapshotFor(const Stmt *s) const {
  for (int i = 0; s && i < 64; ++i, s = pm_->getParent(s))
    if (auto it = snapIndex_.find(s); it != snapIndex_.end())
      return &snaps_[it->second];
  return nullptr;
}

void FunctionAnalysis::record(const Expr *at, const ObjRef &r, QualType t, bool write,
                              bool atomic) {
  if (!r.valid() || isNonRacyType(t))
    return;
  const Snapshot *snap = snapshotFor(at);
  if (!snap)
    return; // unreachable code
  if (out_.isConstructor && r.inst.starts_with("this") && snap->live.live.empty())
    return; // the object has not escaped yet
  bool foreign = false;
  if (r.kind == ObjRef::Local) {
    // A local declared in another function is reached through a by-reference capture.
    const Expr *root = at->IgnoreParenImpCasts();
    while (true) {
      if (auto *me = dyn_cast<MemberExpr>(root))
        root = me->getBase()->IgnoreParenImpCasts();
      else if (auto *ase = dyn_cast<ArraySubscriptExpr>(root))
        root = ase->getBase()->IgnoreParenImpCasts();
      else if (auto *oc = dyn_cast<CXXOperatorCallExpr>(root); oc && oc->getNumArgs())
        root = oc->getArg(0)->IgnoreParenImpCasts();
      else if (auto *mc = dyn_cast<CXXMemberCallExpr>(root); mc && mc->getImplicitObjectArgument())
        root = mc->getImplicitObjectArgument()->IgnoreParenImpCasts();
      else
        break;
    }
    if (auto *dre = dyn_cast<DeclRefExpr>(root))
      foreign = dre->getDecl()->getParentFunctionOrMethod() != fd_ &&
                dre->getDecl()->getParentFunctionOrMethod() != nullptr;
  }
  report::Location l = loc(at->getExprLoc());
  std::string key = r.name + "|" + r.inst + "|" + (write ? "w" : "r") + (atomic ? "a" : "") + "|" +
                    std::to_string(l.line) + ":" + std::to_string(l.column);
  if (!seenAccess_.insert(key).second)
    return;
  RelLocks locks = snap->locks;
  for (const Stmt *p = at; p; p = pm_->getParent(p)) {
    if (auto it = relAfter_.find(p); it != relAfter_.end()) {
      for (const ObjRef &x : it->second) {
        HeldLock h{x, false, false, false, kSyncGuard, l};
        h.sync = 2;
        locks.held.push_back(h);
      }
      break;
    }
  }
  out_.accesses.push_back(
      {r, write, foreign, atomic, l, std::move(locks), snap->live, declaredGuard(at, scope_)});
}

void FunctionAnalysis::recordExpr(const Expr *e, bool write) {
  record(e, refOf(e, scope_), declaredTypeOf(e), write);
}

void FunctionAnalysis::libraryArgs(const CallExpr *ce, unsigned firstArg) {
  const FunctionDecl *fd = ce->getDirectCallee();
  if (!fd || hasProjectBody(fd, sm_))
    return;
  if (fd->getIdentifier() && fd->isInStdNamespace()) {
    llvm::StringRef n = fd->getName();
    if (n == "move" || n == "forward" || n == "ref" || n == "cref" || n == "as_const" ||
        n == "addressof" || n == "lock" || n == "call_once" || n == "async")
      return;
  }
  if (classifySync(ce).kind != SyncOp::None)
    return;
  llvm::StringRef name = fd->getIdentifier() ? fd->getName() : "";
  auto pointee = [&](unsigned i, bool write, bool atomic) {
    if (i >= ce->getNumArgs())
      return;
    const Expr *arg = ce->getArg(i);
    const Expr *bare = arg->IgnoreParenImpCasts();
    QualType t = bare->getType()->isArrayType() ? declaredTypeOf(bare)
                 : arg->getType()->isPointerType()
                     ? arg->getType()->getPointeeType().getUnqualifiedType()
                     : QualType();
    if (!t.isNull())
      record(arg, pointeeOf(arg, scope_), t, write, atomic);
  };
  if (name == "memcpy" || name == "memmove" || name == "strcpy" || name == "strncpy" ||
      name == "strcat" || name == "strncat") {
    pointee(0, true, false);
    pointee(1, false, false);
    return;
  }
  if (name == "memset") {
    pointee(0, true, false);
    return;
  }
  if (name.starts_with("__atomic_") || name.starts_with("__sync_")) {
    pointee(0, !name.contains("load"), true);
    return;
  }
  for (unsigned i = firstArg; i < ce->getNumArgs(); ++i) {
    unsigned p = i - firstArg;
    if (p >= fd->getNumParams())
      break;
    QualType pt = fd->getParamDecl(p)->getType();
    if (!pt->isReferenceType())
      continue;
    const Expr *arg = ce->getArg(i);
    QualType at = arg->getType();
    if (!(at->isScalarType() || isStdContainer(at)))
      continue;
    recordExpr(arg, !pt.getNonReferenceType().isConstQualified());
  }
}

void FunctionAnalysis::walk(const Stmt *s) {
  if (!s)
    return;
  if (isa<LambdaExpr, UnaryExprOrTypeTraitExpr, CXXTypeidExpr, CXXNoexceptExpr>(s))
    return;
  if (auto *ice = dyn_cast<ImplicitCastExpr>(s); ice && ice->getCastKind() == CK_LValueToRValue) {
    recordExpr(ice->getSubExpr(), false);
  } else if (auto *bo = dyn_cast<BinaryOperator>(s); bo && bo->isAssignmentOp()) {
    recordExpr(bo->getLHS(), true);
  } else if (auto *uo = dyn_cast<UnaryOperator>(s); uo && uo->isIncrementDecrementOp()) {
    recordExpr(uo->getSubExpr(), true);
  } else if (auto *oc = dyn_cast<CXXOperatorCallExpr>(s)) {
    auto *md = dyn_cast_or_null<CXXMethodDecl>(oc->getDirectCallee());
    if (md && oc->getNumArgs() > 0) {
      const Expr *obj = oc->getArg(0);
      if (isStdContainer(obj->getType())) {
        if (oc->getOperator() != OO_Subscript)
          recordExpr(obj, !md->isConst());
      } else if (md->isCopyAssignmentOperator() || md->isMoveAssignmentOperator()) {
        if (!hasProjectBody(md, sm_) || md->isImplicit())
          recordExpr(obj, true);
      }
    } else {
      libraryArgs(oc, 0);
    }
  } else if (auto *mc = dyn_cast<CXXMemberCallExpr>(s)) {
    const Expr *obj = mc->getImplicitObjectArgument();
    const CXXMethodDecl *md = mc->getMethodDecl();
    if (obj && md) {
      QualType t =
          obj->getType()->isPointerType() ? obj->getType()->getPointeeType() : obj->getType();
      if (isStdContainer(t)) {
        llvm::StringRef n = md->getIdentifier() ? md->getName() : "";
        bool accessor = !md->isConst() &&
                        (n == "at" || n == "front" || n == "back" || n == "data" || n == "begin" ||
                         n == "end" || n == "rbegin" || n == "rend" || n == "find");
        if (!accessor) {
          ObjRef r = obj->getType()->isPointerType() ? pointeeOf(obj, scope_) : refOf(obj, scope_);
          record(mc, r,
                 obj->getType()->isPointerType() ? t.getUnqualifiedType() : declaredTypeOf(obj),
                 !md->isConst());
        }
      } else {
        libraryArgs(mc, 0);
      }
    }
  } else if (auto *ce = dyn_cast<CallExpr>(s)) {
    libraryArgs(ce, 0);
  } else if (auto *cons = dyn_cast<CXXConstructExpr>(s);
             cons && cons->getNumArgs() == 1 && isStdClass(cons->getType(), {"atomic_ref"})) {
    const Expr *obj = cons->getArg(0);
    record(obj, refOf(obj, scope_), declaredTypeOf(obj), true, true);
  }
  if (auto *fr = dyn_cast<CXXForRangeStmt>(s)) {
    if (const Expr *range = fr->getRangeInit()) {
      recordExpr(range, false);
      walk(range);
    }
    walk(fr->getBody());
    return;
  }
  for (const Stmt *c : s->children())
    walk(c);
}

} // namespace

// ---------------------------------------------------------------------------------------------

bool SummaryBuilder::known(const FunctionDecl *fd) const { return index_.count(fd); }

SummaryBuilder::SummaryBuilder(ASTContext &ctx, ProgramFacts &facts) : ctx_(ctx), facts_(facts) {}
SummaryBuilder::~SummaryBuilder() = default;

std::string SummaryBuilder::linkName(const FunctionDecl *fd) {
  const SourceManager &sm = ctx_.getSourceManager();
  if (!fd || !fd->isExternallyVisible() || fd->isDependentContext() ||
      sm.isInSystemHeader(sm.getExpansionLoc(fd->getLocation())))
    return {};
  if (!mangler_)
    mangler_ = std::make_unique<ASTNameGenerator>(ctx_);
  return mangler_->getName(fd);
}

int SummaryBuilder::siteId(const Stmt *s) {
  auto [it, inserted] = sites_.try_emplace(s, static_cast<int>(facts_.sites.size()));
  if (inserted) {
    facts_.sites.emplace_back();
    facts_.sites.back().id = it->second;
  }
  return it->second;
}

int SummaryBuilder::summarize(const FunctionDecl *fd) {
  const FunctionDecl *def = nullptr;
  if (!hasProjectBody(fd, ctx_.getSourceManager(), &def))
    return -1;
  if (auto it = index_.find(def); it != index_.end())
    return it->second;
  if (depth_ >= kMaxDepth)
    return -1;
  int idx = static_cast<int>(facts_.functions.size());
  index_[def] = idx;
  facts_.functions.emplace_back();
  facts_.functions[idx].name = def->getQualifiedNameAsString();
  ++depth_;
  FunctionSummary summary;
  FunctionAnalysis(*this, def, summary).run();
  --depth_;
  facts_.functions[idx] = std::move(summary);
  facts_.functions[idx].linkName = linkName(def);
  return idx;
}

} // namespace weft::analyzer
