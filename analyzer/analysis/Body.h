// A function's body as plain data: its CFG blocks, each an ordered list of the events the lockset
// pass interprets (lock, unlock, guard operations, accesses, calls, thread creation and joins,
// waits, returns). The Clang side (BodyExtraction) writes it per translation unit and frees the
// AST; the whole-program step (Summaries) interprets it once every callee, in any file, is known.
// Nothing here includes Clang.
#pragma once

#include "Model.h"

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace weft::analyzer {

/// A lock named by an acquisition, with how it is taken.
struct LockUse {
  ObjRef lock;
  bool shared = false;
  bool recursive = false;
};

/// One interpreted step. `index` selects the operation's data in the body's table of its kind.
struct Event {
  enum Kind : std::uint8_t {
    Access,        ///< accesses[index]: recorded with the state before the statement
    Acquire,       ///< acquires[index]: lock(), pthread_mutex_lock, std::lock, ACQUIRE(...)
    Release,       ///< releases[index]: unlock(), pthread_mutex_unlock, RELEASE(...)
    GuardLock,     ///< guards[index]: a guard takes its locks (construction, lk.lock())
    GuardAdopt,    ///< guards[index]: the guard takes ownership of held locks (adopt_lock)
    GuardMove,     ///< guards[index]: ownership moves from guard `from` to `guard`
    GuardUnlock,   ///< guards[index]: lk.unlock()
    GuardRelease,  ///< guards[index]: lk.release(): still locked, owned by nobody
    GuardEnd,      ///< guards[index]: the guard's destructor
    Call,          ///< calls[index]: the callee's summary applies here
    OnceDone,      ///< syncs[index]: after std::call_once the flag orders later accesses
    SyncAcquire,   ///< syncs[index]: sees what was published to the object (acquire)
    SyncRelease,   ///< syncs[index]: publishes what was written before (release)
    Create,        ///< creates[index]: a thread starts
    Join,          ///< threads[index]: joined (join(), pthread_join, jthread's destructor)
    JoinAfterLoop, ///< threads[index]: a loop joining a container of threads has ended
    Detach,        ///< threads[index]
    ThreadEnd,     ///< threads[index]: a std::thread object is destroyed
    Wait,          ///< waits[index]: a condition-variable wait
    Return,        ///< a return statement at `returns[index]`
    StmtEnd,       ///< the end of a statement whose Access events precede it (ReleasePass)
  };
  Kind kind;
  int index = 0;
};

/// Facts a branch condition gives its successors (a try-lock that succeeded, joinable() false).
struct EdgeFact {
  enum Kind : std::uint8_t {
    Acquired,    ///< `lock` is held on this edge (try_lock, TRY_ACQUIRE)
    GuardOwns,   ///< the guard owns its locks on this edge (owns_lock())
    NotJoinable, ///< the thread handle `handle` is not joinable on this edge
    NotAcquired, ///< a lock call that failed (`if (pthread_mutex_lock(&m))`): `lock` not held
    FlagIdle,    ///< the flag `flag` holds `value` here: if that is its idle value, the threads
                 ///< it says were started are not running (ThreadSite::startedFlag)
    SyncedOn,    ///< a condition wait's loop ends here: acquires syncs[sync] (ExtractWaits.cpp)
  };
  Kind kind;
  HeldLock lock;       ///< Acquired; GuardOwns: the guard's locks come from guards[guard]
  int guard = -1;      ///< GuardOwns: index into guards
  std::string handle;  ///< NotJoinable
  std::string flag;    ///< FlagIdle: a value-flow node (ThreadSite::startedFlag)
  long long value = 0; ///< FlagIdle: the constant the flag was compared with
  int sync = -1;       ///< SyncedOn: index into syncs
};

/// A branch on a by-value integer parameter the function never modifies: the true edge is
/// taken exactly when (parameter `param` == `value`) == `trueWhenEqual`. A call passing a
/// constant there runs a copy of the function without the other edge (Specialise.h).
struct ParamTest {
  int param = -1; ///< -1: the branch tests no such parameter
  std::string value;
  bool trueWhenEqual = true;
};

/// A CFG block.
struct Block {
  std::vector<Event> events;
  std::vector<int> succs;                ///< block indices; -1: unreachable successor
  std::vector<EdgeFact> onTrue, onFalse; ///< when there are two successors
  ParamTest paramTest;                   ///< when there are two successors
  bool noReturn = false;                 ///< abort(), a failed assert, throw
};

/// An access as written, before the lockset pass gives it its locks.
struct AccessOp {
  ObjRef obj;
  bool write = false;
  bool foreign = false;
  bool atomic = false;
  report::Location loc;
  ObjRef guardedBy;
  bool owned = false;  ///< through an object this function took over (SAccess::owned)
  int ownedParam = -1; ///< through a pointer parameter, owned when handed (SAccess::ownedParam)
  /// Pointer fields crossed on the way from the owner (`t->pool->n`: `f:thread::pool`): owned
  /// only if each only ever holds fresh allocations (settleOwnedFields, OwnedFields.h).
  std::vector<std::string> ownedThrough;
};

/// A lock or unlock of named locks (several at once for std::lock / scoped_lock).
struct LockOp {
  std::vector<LockUse> locks;
  bool deadlockFree = false; ///< std::lock / scoped_lock avoid deadlock among their locks
  bool manual = true;        ///< lock() rather than an RAII guard
  report::Location at;
};

/// An operation on an RAII guard variable (`guard` is its identity within the function).
struct GuardOp {
  std::uintptr_t guard = 0;
  std::uintptr_t from = 0; ///< GuardMove: the guard moved from
  std::vector<LockUse> locks;
  bool deadlockFree = false;
  std::string name; ///< the guard variable, for messages
  report::Location at;
};

/// A callable handed to a parameter of a call: a concrete one (a function, a lambda, a functor),
/// which becomes thread site `site` if the callee runs it on another thread, or the caller's own
/// parameter `fromParam` passed on.
struct CallableArg {
  int site = -1;
  int fromParam = -1;
};

/// A call into analysed code (callee >= 0), into another file (calleeLink), or through a value
/// (`invoke` >= 0: the whole-program value flow finds its callee).
struct CallOp {
  int callee = -1;
  std::string calleeLink;
  Bindings bind;
  report::Location loc;
  bool inLoop = false;
  ObjRef extraLock; ///< std::call_once: the once-flag, held while the callee runs
  std::map<int, CallableArg> callables; ///< by parameter index
  int invoke = -1;                      ///< index into FunctionBody::invokes
  bool isVirtual = false;               ///< calleeLink names a virtual method: any override
};

/// Whole-program value flow (ValueFlow.h): `to` may hold what `from` holds, or the function
/// `fn` (`fnLink` until linked). Nodes are strings: `p:<function key>#<i>` a parameter,
/// `f:<Class>::<field>` a field of any object, `g:<name>` a global, `l:<file>:<offset>` a local
/// (a lambda's capture of it too), `e:<node>` the elements of a container node.
struct FlowEdge {
  std::string to, from;
  int fn = -1;
  std::string fnLink;
  bool fresh = false; ///< `to` is given a fresh allocation here (malloc, new)
  bool owned = false; ///< `to` is given an object the function owns (Ownership.h ownedValue)
};

/// An object stored into a pointer field (`w->pool = pool`; ExtractFieldStores.cpp): the field
/// node (`f:worker::pool`) and what the value points to, relative to the function's entry.
struct FieldStore {
  std::string field;
  ObjRef value; ///< invalid: an object the analysis cannot name (a fresh allocation, a call's)
};

/// Where an out-parameter (`T **result`) is handed: the parameter `param` of a call's callee
/// (`fn`, or `link` until linked; with every override of `link` when the call is virtual).
struct OutTarget {
  int fn = -1;
  std::string link;
  int param = -1;
  bool isVirtual = false;
};

/// A `T **` parameter and what goes through it (ExtractOutParams.cpp): whether something other
/// than a fresh allocation or null is stored through it (or it is used in a way not followed),
/// and the calls it is handed on to (EnvWrapper's `return target_->NewFile(name, result);`).
struct OutParam {
  int param = -1;
  bool storesOther = false;
  std::vector<OutTarget> forwards;
};

/// A local pointer given only what direct calls return, or null (`threadpool pool =
/// thpool_init(4);`; ExtractReturns.cpp): when every one of them returns the object of one
/// and the same local (FunctionBody::returnedPointee), the pointee is that object.
struct CallFilledPointee {
  std::string pointee;          ///< `n:...`
  std::vector<OutTarget> calls; ///< the functions called (`param` unused)
};

/// A local pointer given values only by out-parameters (`env->NewFile(name, &file)`) and fresh
/// allocations, never stored or handed to a thread: what it points to (`pointee`, `n:...`) is
/// the frame's own when every one of `fills` stores only fresh objects (OutParams.h).
struct FilledPointee {
  std::string pointee;
  std::vector<OutTarget> fills;
};

/// A call through a value: a function pointer, a std::function, a stored callable. On a new
/// thread (`newThread`) when it is the callable of a thread creation.
struct InvokeOp {
  std::string callee;
  std::vector<std::string> args; ///< per argument: its node (empty: not tracked)
  bool newThread = false;
  report::Location loc;
};

/// A happens-before edge through an object (release/acquire atomics, latch, semaphore, once).
struct SyncPoint {
  ObjRef obj;
  report::Location at;
  /// What a condition wait reads (ExtractWaits.cpp): every write to the object releases it.
  bool condition = false;
};

/// A thread creation.
struct CreateOp {
  int site = -1;
  std::string handle;           ///< the thread object's key; empty: a temporary
  bool joinableObject = false;  ///< a std::thread constructed here (must be joined or detached)
  bool discardedFuture = false; ///< std::async whose future is dropped: joined at once
  std::string assignedTo;       ///< move-assigned into this std::thread (name)
  report::Location loc;
};

/// An operation on a thread handle.
struct ThreadOp {
  std::string handle;
  int site = -1;    ///< Detach: the creation it detaches, when known
  std::string name; ///< ThreadEnd: the variable
  report::Location at;
  report::Location declaredAt; ///< ThreadEnd
};

/// A write of a flag-like global or field (ExtractOnce.cpp) and what it stores, as far as the
/// source says.
struct FlagWrite {
  enum Kind : std::uint8_t { Unknown, Constant, NonNull };
  std::string flag; ///< a value-flow node
  Kind kind = Unknown;
  long long value = 0; ///< Constant: the value stored
  report::Location at;

  /// May it store `idle`, the value that says "no thread started" (0, NULL, pigz's -1)?
  bool mayStore(long long idle) const {
    return kind == Unknown || (kind == Constant && value == idle) || (kind == NonNull && idle != 0);
  }
};

/// One function, as extracted.
struct FunctionBody {
  std::string name;
  std::string shortName; ///< unqualified, for messages
  std::string linkName;  ///< linkage name when other TUs can call it; empty otherwise
  bool isConstructor = false;
  /// A copy of function `specialises` for calls passing constants its branches test; its own
  /// facts are the original's, not reported twice.
  int specialises = -1;
  /// A lock wrapper: returning with a lock held is its job (lock(), ACQUIRE-annotated...).
  bool returnsLocked = false;
  std::vector<HeldLock> entryLocks; ///< REQUIRES(...): held on entry
  report::Location end;             ///< the closing brace
  std::vector<Block> blocks;        ///< blocks[entry] starts, blocks[exit] ends
  int entry = 0, exit = 0;
  std::vector<int> order; ///< block indices in the CFG's own order (the recording pass's order)
  std::vector<AccessOp> accesses;
  std::vector<LockOp> acquires, releases;
  std::vector<GuardOp> guards;
  std::vector<CallOp> calls;
  std::vector<SyncPoint> syncs;
  std::vector<CreateOp> creates;
  std::vector<ThreadOp> threads;
  std::vector<WaitFact> waits;
  std::vector<report::Location> returns;
  // Value flow (ValueFlow.h).
  std::string flowKey;                ///< this function in parameter nodes (`p:<flowKey>#<i>`)
  std::vector<std::string> overrides; ///< link names of the virtual methods it overrides
  std::vector<FlowEdge> flows;
  std::vector<InvokeOp> invokes;
  /// Its own locals and by-value parameters (identities): objects of the frame of the thread
  /// running it.
  std::vector<std::string> locals;
  /// What local pointers that only ever hold fresh allocations, never stored or handed to a
  /// thread, point to (`n:...` identities): objects of this frame (ExtractFresh.cpp).
  std::vector<std::string> ownedPointees;
  /// Local pointers filled through out-parameters: owned pointees once the out-parameters are
  /// known to give only fresh objects (resolveOutParams adds them to ownedPointees).
  std::vector<FilledPointee> filledPointees;
  /// What every return gives, when that is null or the object of one local pointer
  /// (`return pool;`): that pointee's identity; empty otherwise (ExtractReturns.cpp).
  std::string returnedPointee;
  std::vector<CallFilledPointee> callFilledPointees;
  /// Its `T **` parameters (ExtractOutParams.cpp).
  std::vector<OutParam> outParams;
  /// The objects it stores into pointer fields (FieldStore).
  std::vector<FieldStore> fieldStores;
  /// Its writes of flag-like globals and fields (not in constructors, whose objects' flags
  /// start cleared): ValueFlow.cpp decides from them which flags say a thread was started.
  std::vector<FlagWrite> flagWrites;
  /// Parameters whose callable this function runs on another thread (filled by resolveValueFlow).
  std::vector<SpawnParam> spawns;
};

/// Everything the Clang side extracted from one TU (bodies, sites, roots), or after linkFacts
/// from the TUs of a whole program; summarizeProgram then fills `functions` (one per body).
struct ProgramFacts {
  std::vector<FunctionBody> bodies;
  std::vector<FunctionSummary> functions;
  std::vector<ThreadSite> sites;
  std::vector<int> roots; ///< function indices run by the initial thread (main)
  /// Field nodes (`f:Class::field`) only ever given fresh allocations (resolveValueFlow): what
  /// they point to belongs to the object holding them.
  std::set<std::string> freshFields;
  /// Field nodes only ever given fresh allocations or objects their storer owned (a buffer
  /// taken off a free list): what they point to is the holder's while the holder is owned.
  std::set<std::string> ownedFields;
  /// A caller's local's pointee -> the callee's local pointee it is (ReturnedPointees.h).
  std::map<std::string, std::string> pointeeAliases;
  bool hasMain = false; ///< roots holds `main` (not the no-main fallback)
  /// Recursive call cycles whose summaries did not converge within the bound (names).
  std::vector<std::string> cutCycles;
};

} // namespace weft::analyzer
