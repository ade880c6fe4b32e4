// API tables for SyncOp recognition (see LockModel.h).
#include "LockModel.h"

#include "Naming.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

namespace weft::analyzer {

using namespace clang;

namespace {

const llvm::StringRef kMutexes[] = {"mutex",        "recursive_mutex",
                                    "timed_mutex",  "recursive_timed_mutex",
                                    "shared_mutex", "shared_timed_mutex"};

bool isMutex(QualType t) { return isStdClass(t, kMutexes); }

/// A class with lock() and unlock() members (C++'s BasicLockable).
bool isBasicLockable(const CXXRecordDecl *rd) {
  if (!rd->hasDefinition())
    return false;
  bool lock = false, unlock = false;
  for (const CXXMethodDecl *md : rd->methods()) {
    if (!md->getIdentifier())
      continue;
    lock |= md->getName() == "lock";
    unlock |= md->getName() == "unlock";
  }
  return lock && unlock;
}

QualType objectType(const CXXMemberCallExpr *mc) {
  const Expr *obj = mc->getImplicitObjectArgument();
  if (!obj)
    return {};
  QualType t = obj->getType();
  return t->isPointerType() ? t->getPointeeType() : t;
}

/// Tag argument of a guard constructor: std::defer_lock etc.
SyncOp::GuardMode tagMode(const Expr *e) {
  QualType t = e->getType();
  if (isStdClass(t, {"defer_lock_t"}))
    return SyncOp::Defer;
  if (isStdClass(t, {"try_to_lock_t"}))
    return SyncOp::Try;
  if (isStdClass(t, {"adopt_lock_t"}))
    return SyncOp::Adopt;
  return SyncOp::Lock;
}

/// The memory order among a call's arguments (std::memory_order / C memory_order), else seq_cst.
MemoryOrder memoryOrder(const CallExpr *ce, unsigned first) {
  for (unsigned i = first; i < ce->getNumArgs(); ++i) {
    const Expr *a = ce->getArg(i);
    const auto *et = a->getType()->getAs<EnumType>();
    if (!et || !et->getDecl()->getIdentifier() ||
        !et->getDecl()->getName().contains("memory_order"))
      continue;
    Expr::EvalResult r;
    if (a->EvaluateAsRValue(r, et->getDecl()->getASTContext()) && r.Val.isInt())
      if (int64_t v = r.Val.getInt().getExtValue(); v >= 0 && v <= 5)
        return static_cast<MemoryOrder>(v);
  }
  return MemoryOrder::SeqCst;
}

/// Release/acquire effect of an atomic operation of the given kind and order.
SyncOp atomicSync(const Expr *object, bool viaPointer, bool store, bool load, MemoryOrder order) {
  SyncOp op;
  op.kind = SyncOp::Sync;
  op.object = object;
  op.viaPointer = viaPointer;
  const bool rel = releases(order);
  const bool acq = acquires(order);
  op.syncRelease = store && rel;
  op.syncAcquire = load && acq;
  if (!op.syncRelease && !op.syncAcquire)
    return {};
  return op;
}

SyncOp classifyConstruct(const CXXConstructExpr *ce) {
  SyncOp op;
  QualType t = ce->getType();
  const bool copyOrMove = ce->getConstructor()->isCopyOrMoveConstructor();
  if (isStdClass(t, {"lock_guard", "unique_lock", "shared_lock", "scoped_lock"})) {
    op.kind = SyncOp::GuardCtor;
    op.shared = isStdClass(t, {"shared_lock"});
    op.deadlockFree = isStdClass(t, {"scoped_lock"});
    if (copyOrMove) {
      op.mode = SyncOp::Move;
      op.moveFrom = ce->getNumArgs() ? ce->getArg(0) : nullptr;
      return op;
    }
    for (const Expr *arg : ce->arguments()) {
      if (arg->isDefaultArgument())
        continue;
      if (SyncOp::GuardMode m = tagMode(arg); m != SyncOp::Lock)
        op.mode = m;
      else if (!isStdClass(arg->getType(), {"duration", "time_point"}))
        op.locks.push_back(arg); // a mutex or a user-defined lockable
    }
    // unique_lock(m, std::defer_lock) puts the tag last; scoped_lock(adopt_lock, a, b) first.
    return op;
  }
  if (isStdClass(t, {"thread", "jthread"}) && !copyOrMove && ce->getNumArgs() > 0) {
    op.kind = SyncOp::Create;
    op.callable = ce->getArg(0);
    for (unsigned i = 1; i < ce->getNumArgs(); ++i)
      op.args.push_back(ce->getArg(i));
  }
  return op;
}

SyncOp classifyMemberCall(const CXXMemberCallExpr *mc) {
  SyncOp op;
  const CXXMethodDecl *md = mc->getMethodDecl();
  if (!md || !md->getIdentifier())
    return op;
  llvm::StringRef n = md->getName();
  QualType t = objectType(mc);
  const Expr *obj = mc->getImplicitObjectArgument();
  if (isMutex(t)) {
    op.locks.push_back(obj);
    op.viaPointer = obj->getType()->isPointerType();
    op.recursive = isRecursiveMutexType(t);
    if (n == "lock" || n == "lock_shared")
      op.kind = SyncOp::Acquire;
    else if (n == "unlock" || n == "unlock_shared")
      op.kind = SyncOp::Release;
    else if (n.starts_with("try_lock"))
      op.kind = SyncOp::TryAcquire;
    op.shared = n.ends_with("shared") || n.contains("shared_");
    return op;
  }
  if (const auto *rd = t->getAsCXXRecordDecl();
      rd && !rd->isInStdNamespace() && isBasicLockable(rd)) {
    // A user-defined lock (a spinlock class, a wrapper): its object is the lock.
    op.locks.push_back(obj);
    op.viaPointer = obj->getType()->isPointerType();
    if (n == "lock" || n == "lock_shared")
      op.kind = SyncOp::Acquire;
    else if (n == "unlock" || n == "unlock_shared")
      op.kind = SyncOp::Release;
    else if (n.starts_with("try_lock"))
      op.kind = SyncOp::TryAcquire;
    op.shared = n.ends_with("shared");
    if (op.kind == SyncOp::None)
      op.locks.clear();
    return op;
  }
  if (isStdClass(t, {"unique_lock", "shared_lock"})) {
    op.object = obj;
    op.shared = isStdClass(t, {"shared_lock"});
    if (n == "lock")
      op.kind = SyncOp::GuardLock;
    else if (n == "unlock")
      op.kind = SyncOp::GuardUnlock;
    else if (n == "release")
      op.kind = SyncOp::GuardRelease;
    else if (n == "owns_lock" || isa<CXXConversionDecl>(md) || n.starts_with("try_lock"))
      op.kind = SyncOp::GuardOwns;
    return op;
  }
  if (isStdClass(t, {"atomic", "atomic_flag"})) {
    MemoryOrder order = memoryOrder(mc, 0);
    bool viaPtr = obj->getType()->isPointerType();
    if (n == "store" || n == "clear")
      return atomicSync(obj, viaPtr, true, false, order);
    if (n == "load" || n == "wait" || n == "test" || isa<CXXConversionDecl>(md))
      return atomicSync(obj, viaPtr, false, true, order);
    if (n == "exchange" || n.starts_with("fetch_") || n.starts_with("compare_exchange") ||
        n == "test_and_set")
      return atomicSync(obj, viaPtr, true, true, order);
    return op;
  }
  if (isStdClass(t, {"latch", "barrier", "counting_semaphore", "promise"})) {
    bool rel = n == "count_down" || n == "arrive_and_wait" || n == "arrive" ||
               n == "arrive_and_drop" || n == "release" || n.starts_with("set_value") ||
               n == "set_exception";
    bool acq = n == "wait" || n == "try_wait" || n == "arrive_and_wait" ||
               n.starts_with("acquire") || n.starts_with("try_acquire");
    if (!rel && !acq)
      return op;
    op.kind = SyncOp::Sync;
    op.object = obj;
    op.viaPointer = obj->getType()->isPointerType();
    op.syncRelease = rel;
    op.syncAcquire = acq;
    return op;
  }
  if (isStdClass(t, {"condition_variable", "condition_variable_any"})) {
    if (n == "wait" || n == "wait_for" || n == "wait_until") {
      op.kind = SyncOp::CvWait;
      op.object = obj;
      op.hasPredicate = mc->getNumArgs() >= (n == "wait" ? 2u : 3u);
    }
    return op;
  }
  if (isStdClass(t, {"thread", "jthread"})) {
    op.object = obj;
    if (n == "join")
      op.kind = SyncOp::Join;
    else if (n == "detach")
      op.kind = SyncOp::Detach;
    return op;
  }
  if (isStdClass(t, {"future", "shared_future"}) && (n == "get" || n == "wait")) {
    op.kind = SyncOp::Join;
    op.object = obj;
    return op;
  }
  if (isStdClass(t, {"vector", "deque", "list"}) &&
      (n == "emplace_back" || n == "emplace" || n == "emplace_front")) {
    const auto *rd = t->getAsCXXRecordDecl();
    const auto *spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(rd);
    if (spec && spec->getTemplateArgs().size() > 0 &&
        spec->getTemplateArgs()[0].getKind() == TemplateArgument::Type &&
        isStdClass(spec->getTemplateArgs()[0].getAsType(), {"thread", "jthread"}) &&
        mc->getNumArgs() > 0 && !isStdClass(mc->getArg(0)->getType(), {"thread", "jthread"})) {
      op.kind = SyncOp::Create;
      op.object = obj;
      unsigned first = n == "emplace" ? 1 : 0; // emplace(pos, f, args...)
      if (mc->getNumArgs() <= first)
        return SyncOp{};
      op.callable = mc->getArg(first);
      for (unsigned i = first + 1; i < mc->getNumArgs(); ++i)
        op.args.push_back(mc->getArg(i));
    }
  }
  return op;
}

SyncOp classifyCall(const CallExpr *ce) {
  SyncOp op;
  const FunctionDecl *fd = ce->getDirectCallee();
  if (!fd || !fd->getIdentifier())
    return op;
  llvm::StringRef n = fd->getName();
  const unsigned argc = ce->getNumArgs();
  auto arg = [&](unsigned i) { return i < argc ? ce->getArg(i) : nullptr; };
  if (fd->isInStdNamespace()) {
    if (n == "lock" && argc >= 2) {
      op.kind = SyncOp::Acquire;
      op.deadlockFree = true;
      for (const Expr *a : ce->arguments())
        op.locks.push_back(a);
    } else if (n == "async" && argc >= 1) {
      op.kind = SyncOp::Create;
      unsigned first = 0;
      if (isStdClass(arg(0)->getType(), {"launch"}) || arg(0)->getType()->isEnumeralType()) {
        first = 1;
        Expr::EvalResult r;
        if (arg(0)->EvaluateAsInt(r, fd->getASTContext()) && r.Val.getInt() == 2)
          op.deferred = true; // std::launch::deferred alone
      }
      if (argc <= first)
        return SyncOp{};
      op.callable = arg(first);
      for (unsigned i = first + 1; i < argc; ++i)
        op.args.push_back(arg(i));
    } else if (n == "call_once" && argc >= 2) {
      op.kind = SyncOp::CallOnce;
      op.object = arg(0);
      op.callable = arg(1);
      for (unsigned i = 2; i < argc; ++i)
        op.args.push_back(arg(i));
    }
    return op;
  }
  // C APIs: the lock is the pointee of the first argument.
  struct Entry {
    llvm::StringRef name;
    SyncOp::Kind kind;
    bool shared;
  };
  static const Entry table[] = {
      {"pthread_mutex_lock", SyncOp::Acquire, false},
      {"pthread_mutex_timedlock", SyncOp::Acquire, false},
      {"pthread_mutex_unlock", SyncOp::Release, false},
      {"pthread_mutex_trylock", SyncOp::TryAcquire, false},
      {"pthread_rwlock_rdlock", SyncOp::Acquire, true},
      {"pthread_rwlock_timedrdlock", SyncOp::Acquire, true},
      {"pthread_rwlock_wrlock", SyncOp::Acquire, false},
      {"pthread_rwlock_timedwrlock", SyncOp::Acquire, false},
      {"pthread_rwlock_tryrdlock", SyncOp::TryAcquire, true},
      {"pthread_rwlock_trywrlock", SyncOp::TryAcquire, false},
      {"pthread_rwlock_unlock", SyncOp::Release, false},
      {"pthread_spin_lock", SyncOp::Acquire, false},
      {"pthread_spin_trylock", SyncOp::TryAcquire, false},
      {"pthread_spin_unlock", SyncOp::Release, false},
      {"mtx_lock", SyncOp::Acquire, false},
      {"mtx_timedlock", SyncOp::Acquire, false},
      {"mtx_trylock", SyncOp::TryAcquire, false},
      {"mtx_unlock", SyncOp::Release, false},
  };
  for (const Entry &e : table) {
    if (n == e.name && argc >= 1) {
      op.kind = e.kind;
      op.shared = e.shared;
      op.locks.push_back(arg(0));
      op.viaPointer = true;
      op.successIsZero = true;
      return op;
    }
  }
  if (n.starts_with("atomic_") && argc >= 1 && arg(0)->getType()->isPointerType()) {
    MemoryOrder order = n.ends_with("_explicit") ? memoryOrder(ce, 1) : MemoryOrder::SeqCst;
    bool store = n.contains("store") || n.contains("fetch_") || n.contains("exchange") ||
                 n.contains("test_and_set") || n.contains("clear");
    bool load = n.contains("load") || n.contains("fetch_") || n.contains("exchange") ||
                n.contains("test_and_set");
    return atomicSync(arg(0), true, store, load, order);
  }
  if ((n == "sem_post" || n == "sem_wait" || n == "sem_trywait" || n == "sem_timedwait" ||
       n == "pthread_barrier_wait") &&
      argc >= 1) {
    op.kind = SyncOp::Sync;
    op.object = arg(0);
    op.viaPointer = true;
    op.syncRelease = n == "sem_post" || n == "pthread_barrier_wait";
    op.syncAcquire = n != "sem_post";
    return op;
  }
  if ((n == "pthread_create" && argc == 4) || (n == "thrd_create" && argc == 3)) {
    op.kind = SyncOp::Create;
    op.object = arg(0);
    op.viaPointer = true;
    op.callable = arg(argc - 2);
    op.args.push_back(arg(argc - 1));
    op.argsByPointer = true;
  } else if ((n == "pthread_join" || n == "thrd_join") && argc >= 1) {
    op.kind = SyncOp::Join;
    op.object = arg(0);
  } else if ((n == "pthread_detach" || n == "thrd_detach") && argc >= 1) {
    op.kind = SyncOp::Detach;
    op.object = arg(0);
  } else if ((n == "pthread_cond_wait" || n == "pthread_cond_timedwait" || n == "cnd_wait" ||
              n == "cnd_timedwait") &&
             argc >= 2) {
    op.kind = SyncOp::CvWait;
    op.pthreadWait = true;
    op.object = arg(0);
  } else if (n == "pthread_once" && argc == 2) {
    op.kind = SyncOp::CallOnce;
    op.object = arg(0);
    op.viaPointer = true;
    op.callable = arg(1);
  }
  return op;
}

} // namespace

bool isThreadFence(const CallExpr *ce, MemoryOrder *order) {
  const FunctionDecl *fd = ce->getDirectCallee();
  if (!fd || !fd->getIdentifier() || fd->getName() != "atomic_thread_fence")
    return false;
  *order = memoryOrder(ce, 0);
  return true;
}

SyncOp classifyFencedAtomic(const Stmt *s, bool releaseFenceBefore, bool acquireFenceAfter) {
  const auto *mc = dyn_cast<CXXMemberCallExpr>(s);
  const CXXMethodDecl *md = mc ? mc->getMethodDecl() : nullptr;
  if (!md || !md->getIdentifier() || !isStdClass(objectType(mc), {"atomic", "atomic_flag"}))
    return {};
  const Expr *obj = mc->getImplicitObjectArgument();
  llvm::StringRef n = md->getName();
  const bool store = n == "store" || n == "clear" || n == "exchange" || n.starts_with("fetch_") ||
                     n.starts_with("compare_exchange") || n == "test_and_set";
  const bool load = n == "load" || n == "test" || n == "exchange" || n.starts_with("fetch_") ||
                    n.starts_with("compare_exchange") || n == "test_and_set";
  const MemoryOrder order = memoryOrder(mc, 0);
  const bool rel = releases(order) || (store && releaseFenceBefore);
  const bool acq = acquires(order) || (load && acquireFenceAfter);
  return atomicSync(obj, obj->getType()->isPointerType(), store, load,
                    rel && acq ? MemoryOrder::AcqRel
                    : rel      ? MemoryOrder::Release
                    : acq      ? MemoryOrder::Acquire
                               : MemoryOrder::Relaxed);
}

bool isRecursiveMutexType(QualType t) {
  return isStdClass(t, {"recursive_mutex", "recursive_timed_mutex"});
}

SyncOp classifySync(const Stmt *s) {
  if (auto *ce = dyn_cast<CXXConstructExpr>(s))
    return classifyConstruct(ce);
  if (auto *mc = dyn_cast<CXXMemberCallExpr>(s))
    return classifyMemberCall(mc);
  if (auto *oc = dyn_cast<CXXOperatorCallExpr>(s)) {
    // a = v, ++a, a += v on std::atomic: seq_cst store or read-modify-write.
    if (oc->getNumArgs() >= 1 && isStdClass(oc->getArg(0)->getType(), {"atomic"}))
      return atomicSync(oc->getArg(0), false, true, oc->getOperator() != OO_Equal,
                        MemoryOrder::SeqCst);
    return {};
  }
  if (auto *ce = dyn_cast<CallExpr>(s))
    return classifyCall(ce);
  return {};
}

} // namespace weft::analyzer
