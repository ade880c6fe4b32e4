// Plain-data model shared by the Clang-facing analyses and the checks. Nothing here includes Clang:
// checks compile in a second and can be unit-tested on hand-built data.
#pragma once

#include "weft/report/Report.h"

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace weft::analyzer {

/// A memory object or lock as the analyses name it. `name` is the canonical, printable name
/// (`counter`, `stats::hits`, `Account::balance_`, `log`); `inst` says which object it is:
/// `g:<name>` for globals, `l:<id>` for a local, `n:<id>` for what a local pointer points to,
/// `this`, `p#<i>` (referent/pointee of parameter i, bound at calls and thread creation),
/// followed by `.field` for sub-objects; empty when unknown, which may alias anything.
struct ObjRef {
  enum Kind { None, Global, Local, Field, ParamTarget };
  Kind kind = None;
  std::string name;
  std::string inst;
  bool valid() const { return kind != None; }
  bool operator==(const ObjRef &) const = default;
  auto operator<=>(const ObjRef &) const = default;
};

/// True when two object identities may denote the same object (unknown aliases everything). An
/// element with a known index (`g:partial[1]`) is only its own element; the array, or an element
/// whose index is not known, is every element.
inline bool mayAlias(const std::string &a, const std::string &b) {
  if (a.empty() || b.empty() || a == b)
    return true;
  size_t ia = a.find('['), ib = b.find('[');
  if (ia == std::string::npos && ib == std::string::npos)
    return false;
  if (a.compare(0, ia, b, 0, ib) != 0)
    return false; // other arrays
  return ia == std::string::npos || ib == std::string::npos ||
         a.compare(ia, a.find(']', ia) - ia, b, ib, b.find(']', ib) - ib) == 0;
}

/// An identity rooted at a global or a local object names one object. One rooted at a parameter
/// nobody bound, or at what a local pointer points to, may be any object of its type.
inline bool isPinned(const std::string &inst) {
  std::string_view root = inst;
  while (root.starts_with("n:"))
    root.remove_prefix(2);
  return root.starts_with("g:") || root.starts_with("l:");
}

/// The pointer field an object was last reached through, and the members it is inside of there
/// (`*pool::have`: what some `pool`'s `have` points to; `*TableCache::cache_.ShardedLRUCache::
/// shard_`: a shard of what some `TableCache`'s `cache_` points to), or empty.
inline std::string viaField(const std::string &inst) {
  size_t star = inst.rfind(".*");
  return star == std::string::npos ? "" : inst.substr(star + 1);
}

/// May two locks be one? The same name on objects that may alias; or on objects of which one
/// the analysis cannot pin down, reached through the same pointer field: a lock class, as
/// lockdep groups locks (pigz's get_space() locks `pool->have` of a known pool, drop_space()
/// `space->pool->have` of any pool: both yarn `lock_s` objects held in a `pool::have`).
inline bool mayBeSameLock(const ObjRef &a, const ObjRef &b) {
  if (a.name != b.name)
    return false;
  if (mayAlias(a.inst, b.inst))
    return true;
  std::string field = viaField(a.inst);
  return !field.empty() && field == viaField(b.inst) && (!isPinned(a.inst) || !isPinned(b.inst));
}

/// How a message names a lock: by the pointer field it was reached through when it is a member
/// of the project's lock type held there (`pool::have` for yarn's `lock_s::mutex`), else by its
/// name.
inline std::string lockLabel(const ObjRef &r) {
  std::string field = viaField(r.inst);
  return field.empty() || field.find('.') != std::string::npos ? r.name : field.substr(1);
}

/// Guard ids that are not guard objects (HeldLock::guard; any other non-zero value is the identity
/// of an RAII guard variable within its function).
namespace guard {
inline constexpr std::uintptr_t None = 0; ///< a lock taken by hand, owned by no guard
/// The caller's lock: assumed held on entry by REQUIRES(...), or let go and taken again here.
inline constexpr std::uintptr_t Requires = 1;
inline constexpr std::uintptr_t Once = 2; ///< the once-flag after std::call_once
inline constexpr std::uintptr_t Sync = 3; ///< a happens-before fact, not a lock
} // namespace guard

/// A happens-before fact carried in a lockset (HeldLock::sync).
enum class SyncEdge : std::uint8_t {
  None,           ///< a lock
  AcquiredBefore, ///< the object was acquired before this point
  ReleasedAfter,  ///< the object is released after this point on every path
};

/// A lock held at some point.
struct HeldLock {
  ObjRef lock;
  bool shared = false;    ///< reader mode (shared_lock, lock_shared, rwlock rd, once-after)
  bool recursive = false; ///< recursive mutex: re-locking is fine
  bool manual = true;     ///< taken by lock()/pthread_mutex_lock, not by an RAII guard
  std::uintptr_t guard = guard::None; ///< the guard object owning it, or a guard:: id
  report::Location at;                ///< where it was acquired
  /// Not a lock but a happens-before edge through a synchronisation object (an atomic with
  /// release/acquire order, a latch, a semaphore). An access released-after on X is ordered
  /// before one acquired-after on X.
  SyncEdge sync = SyncEdge::None;
  bool isLock() const { return sync == SyncEdge::None; }
};

/// Locks held at a point relative to the function's entry: `held` were taken in the function
/// (or assumed by REQUIRES), `released` were held by the caller and let go here.
struct RelLocks {
  std::vector<HeldLock> held;
  std::vector<ObjRef> released;
};

/// The thread-lifetime state at a point: creation sites whose threads may be running, and
/// thread handles certainly joined since the function's entry.
struct Liveness {
  std::set<int> live;
  std::set<std::string> joined;
  /// Sites certainly not running, whoever started them: joined, or their started flag read
  /// idle (pigz's load_end() tests `g.in_which != -1` and joins only then).
  std::set<int> ended;
};

/// Binding of a callee's `this` / parameter targets to the caller's objects.
struct Bindings {
  ObjRef thisObj;               ///< invalid when unknown
  std::map<int, ObjRef> params; ///< parameter index -> referent/pointee
  /// By-value integer parameters used as indices: a constant (`"1"`) or the caller's parameter
  /// (`"p#0"`), so `partial[slot]` names the slot each thread was given.
  std::map<int, std::string> values;
  /// Pointer parameters handed an object the caller owns (a fresh allocation, one it took out of
  /// a shared structure): -1, or the caller's parameter k it was itself handed (owned when k
  /// is). After rebinding, only -1. Key kThis: the object a method is called on.
  std::map<int, int> handed;
  /// Handed what an owned object's pointer fields lead to (`start(w->stats)`): those fields
  /// must only ever hold fresh allocations, which settleOwnedFields (OwnedFields.h) checks.
  std::map<int, std::vector<std::string>> handedThrough;
  /// Pointer arguments to a different object on every iteration of the loop around the call
  /// (`&args[i]`): a thread started with one is handed that object (LocksetPass::spawnsOfCall).
  std::set<int> perIteration;
  static constexpr int kThis = -2;
};

/// One memory access in a function, relative to its entry.
struct SAccess {
  ObjRef obj;
  bool write = false;
  bool foreign = false; ///< a local of another frame (captured by reference)
  bool atomic = false;  ///< an atomic access to a plain object (std::atomic_ref, __atomic_*)
  report::Location loc;
  RelLocks locks;
  Liveness live;
  ObjRef guardedBy; ///< GUARDED_BY / PT_GUARDED_BY lock of the object; invalid when none
  /// Through an object the function took out of a shared structure and has not handed on yet:
  /// the thread's own (Access::ownFrame), as is one reached through pointer parameter
  /// `ownedParam` before it escapes, when the caller handed it an owned object.
  bool owned = false;
  int ownedParam = -1; ///< -1: none; Bindings::kThis: through `this`
};

/// A call to a function whose summary exists, or (callee -1) to a function defined in another
/// translation unit, which the whole-program step resolves by its linkage name.
struct SCall {
  int callee = -1;
  Bindings bind;
  report::Location loc;
  RelLocks locks;
  Liveness live;
  ObjRef extraLock;       ///< std::call_once: the once-flag, held while the callee runs
  std::string calleeLink; ///< linkage name of a callee defined in another TU (callee is -1)
  /// Made on a path that can only end the process (pigz's THREADABORT: complain(), then
  /// _exit()): what the callee touches there is not reported, as the caller's own accesses
  /// there are not.
  bool doomed = false;
};

/// A thread creation reached in a function.
struct SCreate {
  int site = -1;
  report::Location loc;
  RelLocks locks;
  Liveness live;
  Bindings bind; ///< a callable handed to a spawning call: its parameters, bound by the spawner
  int serialRunner = -1; ///< see SpawnParam::serialRunner
};

/// A parameter whose callable the function runs on another thread: it starts a thread with it,
/// or stores it where a running thread calls it (a pool's queue, a thread's start record). `bind`
/// says what the callable's parameters are bound to, in this function's frame.
struct SpawnParam {
  int param = -1;
  Bindings bind;
  report::Location at;
  /// The thread handle its threads are joined by, when it names one beyond the function (the
  /// `th->id` of pigz's launch(): `join(th)` joins it); empty otherwise.
  std::string handle;
  /// The one thread (a site started once, ThreadSite::once) that runs every callable handed
  /// here, one after the other: a single background thread popping a queue. -1: none known.
  int serialRunner = -1;
};

/// A lock acquisition, or an unlock of a lock this function did not take, with the locks held
/// before it relative to the function's entry.
struct SAcquire {
  HeldLock lock;
  bool deadlockFree = false;   ///< part of scoped_lock / std::lock
  bool release = false;        ///< an unlock of a lock not held on any path in this function
  bool releasedBefore = false; ///< release: this function already unlocked it on some path
  bool alreadyHeld = false;    ///< acquire: the same lock is held on every path here (`prior`)
  HeldLock prior;
  RelLocks before;
};

/// `lk.unlock()` on an RAII guard: whether it owned its lock on some path at that point.
struct GuardUnlockFact {
  std::string guard, lock; ///< the guard variable and the (first) mutex it was made for
  bool owned = false;
  report::Location at;
};

/// A condition-variable wait as written.
struct WaitFact {
  std::string cv; ///< its name, or "condition variable"
  bool hasPredicate = false;
  bool inLoop = false;
  report::Location at;
};

/// The end of a std::thread object's use: destroyed, or overwritten by move-assignment.
struct ThreadObjectFact {
  enum Kind : std::uint8_t { Destroyed, Reassigned };
  Kind kind = Destroyed;
  std::string name;
  bool mayBeJoinable = false; ///< neither joined nor detached on some path to here
  report::Location at, declaredAt;
};

/// A detach of a thread whose creation is known (ThreadSite::localsByRef says what it captured).
struct DetachFact {
  int site = -1;
  report::Location at;
};

/// The locks held where a function returns (a return statement, or its closing brace).
struct ExitFact {
  bool isReturn = false;
  report::Location at;
  std::vector<HeldLock> may, must;
};

/// What a function does that rules decide on without the thread model, relative to its entry.
struct FunctionFacts {
  std::string name;
  std::string shortName;      ///< unqualified, for messages
  bool returnsLocked = false; ///< a lock wrapper: returning with a lock held is its job
  bool called = false;        ///< analysed code calls it (a lock it keeps passes to the caller)
  std::vector<report::Location> callsOutsideLoops; ///< the calls of it that no loop repeats
  report::Location end;
  std::vector<SAcquire> acquires;
  std::vector<GuardUnlockFact> guardUnlocks;
  std::vector<WaitFact> waits;
  std::vector<ThreadObjectFact> threadObjects;
  std::vector<DetachFact> detaches;
  std::vector<ExitFact> exits;
  /// Locks its callers hold after it returns (FunctionSummary::acquiredAtExit): a lock wrapper's.
  std::vector<HeldLock> handedToCallers;
};

/// What one function does, relative to its entry.
struct FunctionSummary {
  std::string name;
  std::string linkName; ///< linkage (mangled) name when visible to other TUs; empty otherwise
  bool isConstructor = false;
  std::vector<SAccess> accesses;
  std::vector<SCall> calls;
  std::vector<SCreate> creates;
  std::vector<SpawnParam> spawns; ///< its own and those of callees it passes its callables on to
  /// Every path through it ends the process (exit(), abort(), a callee that does): an error path,
  /// whose accesses are not reported (pigz's cut_short()).
  bool dies = false;
  FunctionFacts facts;
  // Effect on the caller after return.
  std::vector<HeldLock> acquiredAtExit;
  std::vector<ObjRef> releasedAtExit;
  Liveness liveAtExit;
  std::vector<ObjRef> syncReleased; ///< sync objects released on every path to the end
};

/// A place where a thread starts.
struct ThreadSite {
  int id = -1;
  int entry = -1;        ///< summary index of the entry function; -1 when unknown
  std::string entryLink; ///< linkage name of an entry defined in another TU (entry is -1)
  Bindings bind;
  report::Location loc;
  std::string handle; ///< key of the thread object (for joins); empty: temporary
  std::string entryName;
  /// Locals of the spawner the thread reaches by reference (captures, std::ref, &local).
  std::vector<std::pair<std::string, report::Location>> localsByRef;
  /// A callable passed to a call: a thread only where the callee spawns that parameter.
  bool candidate = false;
  /// A candidate's thread is also joined through this handle: the one its spawner creates the
  /// thread with (pigz's `th->id`, which `join(th)` and `join_all()` join).
  std::string joinedBy;
  /// The flag (a value-flow node) of `if (flag == idle) { flag = <not idle>; ... }` around the
  /// creation (`if (!started)`, pigz's `if (g.in_which == -1)`), as extracted; the whole
  /// program decides `once` and `startedFlag` from it (ValueFlow.cpp).
  std::string guardFlag;
  long long guardIdle = 0; ///< the value of guardFlag that says "not started"
  /// Started at most once in the program's life (no function stores the idle value again).
  bool once = false;
  /// The flag (a value-flow node) set when it is started and given its idle value again only
  /// where the thread is not running: where it reads idle, the thread is not running
  /// (EdgeFact::FlagIdle).
  std::string startedFlag;
  /// Where functions that join no thread store the idle value (pigz's in_init()): startedFlag
  /// holds only if the thread cannot be running there, which the expanded program checks
  /// (Analysis.cpp); functions that join threads are trusted to store it after the join.
  std::vector<report::Location> unjoinedClears;
};

/// An access placed in a thread context, with absolute locks.
struct Access {
  ObjRef obj;
  bool write = false;
  bool foreign = false;
  bool atomic = false;
  report::Location loc;
  std::vector<HeldLock> locks;
  std::set<int> live; ///< contexts (ids) that may be running at this point
  int context = 0;
  ObjRef guardedBy; ///< the lock the object is declared guarded by; invalid when none
  /// A local (or part of one) of a frame of this very thread: every thread running the code
  /// has its own. Not reached through what the thread was started with, nor by a capture.
  bool ownFrame = false;
  /// Through an object this thread took over (SAccess::owned): its only user until it hands it
  /// on, so no race with another thread's access to an object *it* took over (or its own frame).
  /// Unlike the frame, an object nobody can name may be it.
  bool tookOver = false;
};

/// A lock-order edge: `to` was acquired while `from` was held.
struct LockEdge {
  ObjRef from, to;
  report::Location fromAt, toAt;
  int context = 0;
  std::vector<ObjRef> alsoHeld; ///< other locks held at the acquisition (gate locks)
};

/// A lock acquired or released in a thread context, with the absolute locks held before it.
struct Acquisition {
  int context = 0;
  HeldLock lock;
  bool release = false;             ///< SAcquire::release
  bool entry = false;               ///< in the context's entry function itself (no caller)
  std::vector<HeldLock> before;     ///< every lock held just before
  std::vector<HeldLock> fromCaller; ///< those held by a caller and not taken again locally
};

/// A thread context: the initial thread (id 0) or a creation site.
struct ThreadContext {
  int id = 0;
  int parent = -1;
  int site = -1;
  bool multi = false; ///< may run concurrently with itself
  /// A task run by the single thread of site `serialRunner` (SpawnParam::serialRunner): it runs
  /// after or before that thread's other tasks, never beside them. -1: not such a task.
  int serialRunner = -1;
  std::string name;
  report::Location createdAt;
  std::set<int> liveAtCreate; ///< sibling contexts running when this one was created
};

/// The analyses' result that checks consume.
struct AnalysisResult {
  std::vector<ThreadContext> contexts;
  std::vector<Access> accesses;
  std::vector<LockEdge> edges;
  std::vector<Acquisition> acquisitions; ///< every lock taken or released, in its context
  std::vector<FunctionFacts> functions;  ///< per analysed function (each once)
  std::vector<ThreadSite> sites;
  std::vector<std::string> cutCycles; ///< see ProgramFacts::cutCycles

  /// May an access in context `a` (with its live set) run in parallel with one in `b`?
  bool mayParallel(const Access &a, const Access &b) const;
  /// Thread info for the report.
  report::ThreadInfo threadInfo(int context) const;
};

} // namespace weft::analyzer
