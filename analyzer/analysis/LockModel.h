// Recognises the synchronisation operations of the standard library, pthreads and C11 threads in
// one call or construction: lock/unlock, RAII guards, thread creation and joins, waits. Knowing
// the APIs is this file's only job; the lockset and thread analyses decide what they mean.
#pragma once

#include "clang/AST/Expr.h"

#include <vector>

namespace weft::analyzer {

/// std::memory_order / C memory_order, in their declared order (the values Clang evaluates).
enum class MemoryOrder { Relaxed, Consume, Acquire, Release, AcqRel, SeqCst };
/// Does an operation or fence of this order acquire? A consume is an acquire in C++ (every
/// implementation promotes it, and [atomics.order] lets it be treated so).
inline bool acquires(MemoryOrder o) {
  return o == MemoryOrder::Consume || o == MemoryOrder::Acquire || o == MemoryOrder::AcqRel ||
         o == MemoryOrder::SeqCst;
}
/// Does an operation or fence of this order release?
inline bool releases(MemoryOrder o) {
  return o == MemoryOrder::Release || o == MemoryOrder::AcqRel || o == MemoryOrder::SeqCst;
}

/// One recognised operation.
struct SyncOp {
  enum Kind {
    None,
    Acquire,      ///< m.lock(), pthread_mutex_lock(&m), std::lock(a, b)
    Release,      ///< m.unlock(), pthread_mutex_unlock(&m)
    TryAcquire,   ///< only meaningful as a branch condition
    GuardCtor,    ///< lock_guard / unique_lock / shared_lock / scoped_lock construction
    GuardLock,    ///< lk.lock()
    GuardUnlock,  ///< lk.unlock()
    GuardRelease, ///< lk.release(): the mutex stays locked, the guard forgets it
    GuardOwns,    ///< lk.owns_lock() / bool(lk): only meaningful as a branch condition
    CvWait,       ///< cv.wait(lk[, pred]), pthread_cond_wait
    Create,   ///< std::thread/jthread ctor, emplace_back on vector<thread>, async, pthread_create
    Join,     ///< t.join(), pthread_join, thrd_join, future.get()/wait()
    Detach,   ///< t.detach(), pthread_detach
    CallOnce, ///< std::call_once(flag, f, args...)
    Sync,     ///< release and/or acquire on a synchronisation object (`object`)
  };
  enum GuardMode { Lock, Defer, Try, Adopt, Move };
  Kind kind = None;
  std::vector<const clang::Expr *> locks; ///< lock objects (lvalues), or pointers if `viaPointer`
  bool viaPointer = false;
  bool shared = false;
  bool recursive = false;
  bool deadlockFree = false;
  bool successIsZero = false; ///< try-lock returns 0 on success (pthread, C11)
  GuardMode mode = Lock;
  const clang::Expr *object = nullptr;   ///< guard, thread handle, future, cv; or pointer to handle
  const clang::Expr *moveFrom = nullptr; ///< guard move source
  bool hasPredicate = false;
  bool pthreadWait = false;
  // Thread creation: the callable and its arguments.
  const clang::Expr *callable = nullptr;
  std::vector<const clang::Expr *> args;
  bool argsByPointer = false; ///< pthread/thrd: the one argument is a void* passed through
  bool deferred = false;      ///< std::async(std::launch::deferred, ...)
  bool syncRelease = false;   ///< Sync: publishes what was written before
  bool syncAcquire = false;   ///< Sync: sees what was published
};

/// Classifies a call, member call, operator call or construction.
SyncOp classifySync(const clang::Stmt *s);

/// A thread fence (std::atomic_thread_fence, C atomic_thread_fence); its memory order in *order.
bool isThreadFence(const clang::CallExpr *ce, MemoryOrder *order);

/// An atomic operation too weak to synchronise by itself (relaxed), seen with the fences around it
/// in its thread: a release fence before a store releases, an acquire fence after a load acquires
/// (C++ [atomics.fences]). None when it still does neither.
SyncOp classifyFencedAtomic(const clang::Stmt *s, bool releaseFenceBefore, bool acquireFenceAfter);

/// Is this mutex type recursive (std::recursive_mutex, recursive_timed_mutex)?
bool isRecursiveMutexType(clang::QualType t);

} // namespace weft::analyzer
