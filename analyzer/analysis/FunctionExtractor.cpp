// One function's CFG as events (FunctionExtractor.h): what each statement does to locks, guards,
// threads and calls. Nothing is interpreted here; LocksetPass gives the events their meaning once
// every callee is known.
#include "FunctionExtractor.h"

#include "Annotations.h"
#include "AstHelpers.h"
#include "CallTargets.h"
#include "Substitution.h"
#include "ThreadModel.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"

namespace weft::analyzer {

using namespace clang;

FunctionExtractor::FunctionExtractor(BodyExtractor &b, const FunctionDecl *fd, FunctionBody &out)
    : b_(b), ctx_(b.context()), sm_(ctx_.getSourceManager()), fd_(fd), out_(out), flows_(b, out) {
  scope_.fn = fd;
}

void FunctionExtractor::run() {
  const Stmt *body = fd_->getBody();
  if (!body)
    return;
  out_.name = fd_->getQualifiedNameAsString();
  out_.shortName = fd_->getNameAsString();
  out_.isConstructor = isa<CXXConstructorDecl>(fd_);
  out_.end = loc(body->getEndLoc());
  llvm::StringRef n = fd_->getIdentifier() ? fd_->getName() : "";
  out_.returnsLocked =
      n == "lock" || n == "lock_shared" || n.starts_with("try_lock") ||
      findAttr<AcquireCapabilityAttr>(fd_) || findAttr<TryAcquireCapabilityAttr>(fd_) ||
      projectGuardCtor(dyn_cast<CXXConstructorDecl>(fd_), nullptr) || projectLockMethod(fd_);
  if (const auto *req = findAttr<RequiresCapabilityAttr>(fd_))
    for (const Expr *arg : req->args())
      if (ObjRef r = lockRef(arg, false); r.valid())
        out_.entryLocks.push_back(
            {r, req->isShared(), false, false, guard::Requires, loc(fd_->getLocation())});
  collectAliases(body);
  collectFences(body);
  collectLocals(body);
  flows_.collect(fd_, body);

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
  collectGuards(body);
  findLoopJoins(body);
  collectFresh(body);
  collectOutParams(body);
  collectFlagWrites(body);
  collectFieldStores(body);
  collectReturns(body);

  // The accesses first, each anchored at the CFG statement it is part of.
  for (const CFGBlock *blk : *cfg_)
    for (const CFGElement &el : *blk)
      if (auto cs = el.getAs<CFGStmt>())
        anchored_.try_emplace(cs->getStmt());
  walk(body);
  if (auto *ctor = dyn_cast<CXXConstructorDecl>(fd_))
    for (const CXXCtorInitializer *init : ctor->inits())
      if (init->isWritten())
        walk(init->getInit());

  out_.blocks.resize(cfg_->getNumBlockIDs());
  out_.entry = cfg_->getEntry().getBlockID();
  out_.exit = cfg_->getExit().getBlockID();
  for (const CFGBlock *blk : *cfg_) {
    out_.order.push_back(blk->getBlockID());
    convertBlock(*blk, out_.blocks[blk->getBlockID()]);
  }
}

void FunctionExtractor::convertBlock(const CFGBlock &blk, Block &out) {
  for (const CFGElement &el : blk)
    element(el, out);
  out.noReturn = blk.hasNoReturnElement();
  for (const CFGBlock::AdjacentBlock &succ : blk.succs())
    out.succs.push_back(succ.getReachableBlock() ? succ.getReachableBlock()->getBlockID() : -1);
  branch(blk, out);
}

void FunctionExtractor::element(const CFGElement &el, Block &out) {
  if (auto cs = el.getAs<CFGStmt>()) {
    const Stmt *s = cs->getStmt();
    for (const auto &[index, loopEnd] : loopJoins_)
      if (sm_.isBeforeInTranslationUnit(loopEnd, s->getBeginLoc()))
        emit(out, Event::JoinAfterLoop, index);
    auto it = anchored_.find(s);
    bool accesses = it != anchored_.end() && !it->second.empty();
    if (accesses) {
      for (int a : it->second)
        emit(out, Event::Access, a);
      it->second.clear(); // a statement is seen once
    }
    statement(s, out);
    if (accesses)
      emit(out, Event::StmtEnd, 0);
    return;
  }
  auto dtor = el.getAs<CFGAutomaticObjDtor>();
  if (!dtor)
    return;
  const VarDecl *vd = dtor->getVarDecl();
  QualType t = vd->getType();
  if (guardLocks_.count(vd) ||
      isStdClass(t, {"lock_guard", "unique_lock", "shared_lock", "scoped_lock"})) {
    emit(out, Event::GuardEnd, add(out_.guards, GuardOp{guardId(vd), 0, {}, false, "", {}}));
  } else if (isStdClass(t, {"jthread"})) {
    emit(out, Event::Join, add(out_.threads, ThreadOp{handleKey(refOfDecl(vd)), -1, "", {}, {}}));
  } else if (isStdClass(t, {"thread"})) {
    const Stmt *trigger = dtor->getTriggerStmt();
    ThreadOp op{handleKey(refOfDecl(vd)), -1, vd->getNameAsString(),
                loc(trigger ? trigger->getEndLoc() : vd->getLocation()), loc(vd->getLocation())};
    emit(out, Event::ThreadEnd, add(out_.threads, std::move(op)));
  }
}

SyncOp FunctionExtractor::syncOf(const Stmt *s) const {
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
      releaseBefore |= f.offset < at && releases(f.order);
      acquireAfter |= f.offset > at && acquires(f.order);
    }
    if (releaseBefore || acquireAfter)
      return classifyFencedAtomic(s, releaseBefore, acquireAfter);
  }
  return op;
}

void FunctionExtractor::statement(const Stmt *s, Block &out) {
  if (isa<ReturnStmt>(s)) {
    emit(out, Event::Return, add(out_.returns, loc(s->getBeginLoc())));
    return;
  }
  SyncOp op = syncOf(s);
  const report::Location at = loc(s->getBeginLoc());
  switch (op.kind) {
  case SyncOp::Acquire: {
    LockOp lock{{}, op.deadlockFree, true, at};
    for (const Expr *e : op.locks)
      if (ObjRef r = lockRef(e, op.viaPointer); r.valid())
        lock.locks.push_back({r, op.shared, op.recursive || isRecursive(e, r)});
    if (!lock.locks.empty())
      emit(out, Event::Acquire, add(out_.acquires, std::move(lock)));
    return;
  }
  case SyncOp::Release: {
    LockOp unlock{{}, false, true, at};
    for (const Expr *e : op.locks)
      if (ObjRef r = lockRef(e, op.viaPointer); r.valid())
        unlock.locks.push_back({r, false, false});
    if (!unlock.locks.empty())
      emit(out, Event::Release, add(out_.releases, std::move(unlock)));
    return;
  }
  case SyncOp::GuardCtor:
    guardCtor(s, op, out);
    return;
  case SyncOp::GuardLock:
  case SyncOp::GuardUnlock:
  case SyncOp::GuardRelease:
    if (const VarDecl *g = guardVar(op.object)) {
      GuardOp guard{guardId(g), 0, guardLocksOf(g), false, g->getNameAsString(), at};
      Event::Kind kind = op.kind == SyncOp::GuardLock     ? Event::GuardLock
                         : op.kind == SyncOp::GuardUnlock ? Event::GuardUnlock
                                                          : Event::GuardRelease;
      emit(out, kind, add(out_.guards, std::move(guard)));
    }
    return;
  case SyncOp::CvWait: {
    ObjRef cv = op.pthreadWait ? pointeeOf(op.object, scope_) : refOf(op.object, scope_);
    WaitFact wait{cv.valid() ? cv.name : "condition variable", op.hasPredicate, inLoop(s), at};
    emit(out, Event::Wait, add(out_.waits, std::move(wait)));
    lambdaArgs(cast<CallExpr>(s), out);
    if (op.hasPredicate)
      predicateWait(cast<CallExpr>(s), out);
    return;
  }
  case SyncOp::Create:
    create(s, op, out);
    return;
  case SyncOp::Join:
    emit(out, Event::Join, add(out_.threads, ThreadOp{joinKey(s, op), -1, "", at, {}}));
    return;
  case SyncOp::Detach:
    detach(s, op, out);
    return;
  case SyncOp::CallOnce: {
    ObjRef flag = lockRef(op.object, op.viaPointer);
    ThreadEntry entry = resolveThreadEntry(op, scope_);
    if (entry.fn)
      addCall(entry.fn, entry.bind, s, out, flag);
    if (flag.valid())
      emit(out, Event::OnceDone, add(out_.syncs, SyncPoint{flag, at}));
    return;
  }
  case SyncOp::Sync:
    if (ObjRef r = lockRef(op.object, op.viaPointer); r.valid()) {
      int index = add(out_.syncs, SyncPoint{r, at});
      if (op.syncAcquire)
        emit(out, Event::SyncAcquire, index);
      if (op.syncRelease)
        emit(out, Event::SyncRelease, index);
    }
    return;
  case SyncOp::TryAcquire:
  case SyncOp::GuardOwns:
  case SyncOp::None:
    break;
  }
  if (auto *ce = dyn_cast<CallExpr>(s)) {
    call(ce, out);
  } else if (auto *cons = dyn_cast<CXXConstructExpr>(s); cons && guardConstruction(cons, nullptr)) {
    // The project's own RAII guard: a SCOPED_CAPABILITY class whose constructor is ACQUIRE(mu)
    // (leveldb's MutexLock), or one recognised from its bodies (ProjectGuards.cpp). Its
    // variable is a guard of those locks; its destructor releases them (element()).
    if (const VarDecl *g = declaredVar(s))
      emit(out, Event::GuardLock,
           add(out_.guards, GuardOp{guardId(g), 0, guardLocksOf(g), false, g->getNameAsString(),
                                    loc(s->getBeginLoc())}));
  }
}

void FunctionExtractor::guardCtor(const Stmt *s, const SyncOp &op, Block &out) {
  const VarDecl *g = declaredVar(s);
  if (!g)
    return;
  GuardOp guard{guardId(g),           0, guardLocksOf(g), op.deadlockFree, g->getNameAsString(),
                loc(s->getBeginLoc())};
  if (op.mode == SyncOp::Move) {
    const VarDecl *from = guardVar(op.moveFrom);
    if (!from)
      return;
    guard.from = guardId(from);
    emit(out, Event::GuardMove, add(out_.guards, std::move(guard)));
  } else if (op.mode == SyncOp::Adopt) {
    emit(out, Event::GuardAdopt, add(out_.guards, std::move(guard)));
  } else if (op.mode == SyncOp::Lock) {
    emit(out, Event::GuardLock, add(out_.guards, std::move(guard)));
  }
}

void FunctionExtractor::create(const Stmt *s, const SyncOp &op, Block &out) {
  ThreadEntry entry = resolveThreadEntry(op, scope_);
  if (op.deferred) { // runs in the caller at get(): a call, not a thread
    if (entry.fn)
      addCall(entry.fn, entry.bind, s, out);
    return;
  }
  bool fresh = false;
  int site = b_.siteId(s, &fresh);
  CreateOp c;
  c.site = site;
  c.handle = handleOfCreation(s, op, &c.assignedTo);
  c.joinableObject = isa<CXXConstructExpr>(s) && isStdClass(cast<Expr>(s)->getType(), {"thread"});
  const bool isAsync = isa<CallExpr>(s) && !isa<CXXMemberCallExpr>(s) &&
                       cast<CallExpr>(s)->getDirectCallee() &&
                       cast<CallExpr>(s)->getDirectCallee()->isInStdNamespace();
  c.discardedFuture = isAsync && c.handle.empty(); // joins at the end of the full-expression
  c.loc = loc(s->getBeginLoc());
  if (fresh)
    setGuardFlag(s, fillSite(site, entry, c.loc, c.handle));
  if (!entry.fn && op.callable) {
    // A callable held in a parameter, a field, a queue: whatever reaches it runs on this thread.
    InvokeOp inv{flows_.nodeOf(op.callable), {}, true, c.loc};
    for (const Expr *a : op.args)
      inv.args.push_back(flows_.nodeOf(a));
    if (!inv.callee.empty())
      out_.invokes.push_back(std::move(inv));
  }
  emit(out, Event::Create, add(out_.creates, std::move(c)));
}

ThreadSite &FunctionExtractor::fillSite(int site, const ThreadEntry &entry,
                                        const report::Location &at, std::string handle) {
  ThreadSite &ts = b_.facts().sites[site];
  ts = ThreadSite{};
  ts.id = site;
  ts.bind = entry.bind;
  ts.loc = at;
  ts.handle = std::move(handle);
  ts.entryName = entry.name;
  ts.localsByRef = entry.localsByRef;
  ts.entry = entry.fn ? b_.functionIndex(entry.fn) : -1;
  if (ts.entry < 0 && entry.fn)
    ts.entryLink = b_.linkName(entry.fn);
  return ts;
}

void FunctionExtractor::detach(const Stmt *s, const SyncOp &op, Block &out) {
  const Expr *obj = stripWrappers(op.object);
  ThreadOp t{"", -1, "", loc(s->getBeginLoc()), {}};
  if (classifySync(obj).kind == SyncOp::Create) {
    t.site = b_.siteId(obj);
  } else {
    ObjRef r = (isa<CXXMemberCallExpr>(s) && obj->getType()->isPointerType())
                   ? pointeeOf(obj, scope_)
                   : refOf(obj, scope_);
    t.handle = handleKey(r);
  }
  emit(out, Event::Detach, add(out_.threads, std::move(t)));
}

Bindings FunctionExtractor::bindCall(const FunctionDecl *callee, const Expr *object, bool arrow,
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
    handOver(b, Bindings::kThis, object); // `thread->stats.Start()` on a thread's own stats
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
    else if (std::string v = indexValue(args[i], scope_); !v.empty() && pt->isIntegerType())
      b.values[static_cast<int>(i)] = std::move(v);
    // An object the caller owns, handed over for the call (pigz's deflate_engine(&strm,
    // job->out, ...) on the job the thread took).
    if (pt->isPointerType() && !pt->getPointeeType()->isFunctionType()) {
      handOver(b, static_cast<int>(i), args[i]);
      if (isPerIterationObject(args[i], ctx_))
        b.perIteration.insert(static_cast<int>(i));
    }
  }
  return b;
}

void FunctionExtractor::handOver(Bindings &b, int param, const Expr *arg) const {
  // Owned up to this call, even when the callee keeps it: it gets the object with its owner's
  // rights (put_buf(b) still owns b until it stores it; a pool's add() hands it to a task).
  Owner o = ownerOf(arg, false, true);
  if (o.kind != Owned::No)
    b.handed[param] = -1;
  else if (o.param != -1)
    b.handed[param] = o.param;
  if (b.handed.count(param) && !o.through.empty())
    b.handedThrough[param] = std::move(o.through);
}

bool FunctionExtractor::annotations(const CallExpr *call, const FunctionDecl *callee,
                                    const Bindings &bind, Block &out) {
  NamingScope calleeScope;
  calleeScope.fn = callee;
  auto locksOf = [&](auto *attr, bool shared) {
    std::vector<LockUse> locks;
    for (const Expr *arg : attr->args()) {
      ObjRef r =
          arg->getType()->isPointerType() ? pointeeOf(arg, calleeScope) : refOf(arg, calleeScope);
      if (r.valid())
        locks.push_back({substitute(r, bind), shared, false});
    }
    if (attr->args_size() == 0 && bind.thisObj.valid()) // the object is the capability
      if (auto *mc = dyn_cast<CXXMemberCallExpr>(call))
        if (ObjRef r = lockRef(mc->getImplicitObjectArgument(), false); r.valid())
          locks.push_back({r, shared, false});
    return locks;
  };
  const report::Location at = loc(call->getBeginLoc());
  bool any = false;
  if (const auto *a = findAttr<AcquireCapabilityAttr>(callee)) {
    emit(out, Event::Acquire,
         add(out_.acquires, LockOp{locksOf(a, a->isShared()), false, true, at}));
    any = true;
  }
  if (const auto *a = findAttr<ReleaseCapabilityAttr>(callee)) {
    emit(out, Event::Release, add(out_.releases, LockOp{locksOf(a, false), false, true, at}));
    any = true;
  }
  return any || findAttr<TryAcquireCapabilityAttr>(callee);
}

bool FunctionExtractor::addCall(const FunctionDecl *callee, const Bindings &bind, const Stmt *at,
                                Block &out, ObjRef extraLock) {
  int idx = b_.functionIndex(callee);
  if (idx < 0)
    return false;
  CallOp c;
  c.callee = idx;
  c.bind = bind;
  c.loc = loc(at->getBeginLoc());
  c.inLoop = inLoop(at);
  c.extraLock = std::move(extraLock);
  emit(out, Event::Call, add(out_.calls, std::move(c)));
  return true;
}

void FunctionExtractor::lambdaArgs(const CallExpr *call, Block &out) {
  // A lambda handed to library code (an algorithm, a wait predicate) runs here, now.
  for (const Expr *arg : call->arguments()) {
    const Expr *e = stripWrappers(arg);
    if (auto *dre = dyn_cast<DeclRefExpr>(e))
      if (auto *vd = dyn_cast<VarDecl>(dre->getDecl());
          vd && vd->getInit() && !vd->hasGlobalStorage())
        e = stripWrappers(vd->getInit());
    if (auto *le = dyn_cast<LambdaExpr>(e))
      addCall(le->getCallOperator(), Bindings{}, call, out);
  }
}

void FunctionExtractor::call(const CallExpr *call, Block &out) {
  unsigned firstArg = 0;
  const FunctionDecl *callee = resolveCallTarget(call, &firstArg);
  if (!callee) {
    invoke(call, out);
    return;
  }
  if (!hasProjectBody(callee, sm_) && invoke(call, out))
    return; // a std::function or packaged_task whose target the value flow finds
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
  if (annotations(call, callee, bind, out))
    return;
  const FunctionDecl *def = nullptr;
  if (hasProjectBody(callee, sm_, &def)) {
    if (addCall(def, bind, call, out))
      out_.calls.back().callables = callables(def, call, args);
    return;
  }
  lambdaArgs(call, out);
  // Maybe defined in another file of the project (or, virtual, overridden there): the linker
  // binds it by its linkage name, and the whole-program summaries apply its effect here as for
  // any other callee.
  if (std::string link = b_.linkName(callee); !link.empty()) {
    CallOp c;
    c.calleeLink = std::move(link);
    c.bind = bind;
    c.loc = loc(call->getBeginLoc());
    c.inLoop = inLoop(call);
    c.callables = callables(callee, call, args);
    auto *md = dyn_cast<CXXMethodDecl>(callee);
    c.isVirtual = md && md->isVirtual();
    emit(out, Event::Call, add(out_.calls, std::move(c)));
  }
}

} // namespace weft::analyzer
