// The runtime's core state and the ground rules every file of runtime/ follows.
//
// GROUND RULES (enforced by runtime/CMakeLists.txt and the runtime.symbols /
// runtime.no_global_ctors tests): the runtime is linked into other people's programs, so it is
// compiled without -fsanitize=thread, with -fno-exceptions -fno-rtti -fvisibility=hidden; it has no
// global constructors and no function-local statics with guards; it uses nothing from libstdc++ at
// run time (no std::mutex, std::thread, iostream, allocating containers, not even std::atomic in
// globals:
// __atomic builtins on plain words, so globals need no constructor); it never takes a lock it
// intercepts (internal/futex.h instead); it allocates from its own arena (internal/arena.h), never
// malloc; it writes events with raw write(2) (internal/syscall.h).
//
// CONCURRENCY: exactly one managed thread runs at a time (it "holds the baton"). All state here is
// touched only by the baton holder, except the I/O hand-back list (io_lock) and the signal handler,
// which only reads.
#pragma once
#include "core/shadow.h"
#include "core/vector_clock.h"
#include "internal/addr_map.h"
#include "internal/futex.h"
#include "internal/small_vector.h"
#include <cstddef>
#include <cstdint>

#define WEFT_EXPORT extern "C" __attribute__((visibility("default")))
#define WEFT_TLS __thread __attribute__((tls_model("initial-exec")))

namespace weft {

class Strategy;

enum class Status : uint8_t { Runnable, Blocked, InSyscall, Finished };

/// What a blocked thread waits for (names in block_op_name()).
enum class BlockOp : uint8_t {
  None,
  MutexLock,
  RwRead,
  RwWrite,
  CondWait,
  Join,
  Barrier,
  Once,
  SpinLock,
  SemWait,
  FutexWait,
  AnnotatedLock ///< __tsan_mutex_pre_lock (AnnotateRWLockAcquired never blocks)
};

struct HeldLock {
  uintptr_t addr;
  uint32_t stack; ///< depot id of the acquisition stack (pc included)
  bool write;     ///< false: a read lock of an rwlock
};

constexpr uint32_t kShadowStackCap = 256;

/// A thread's last loads (fair scheduling: a load that returns what the thread's last load of the
/// same address returned is a poll). Least recently used entry replaced.
constexpr uint32_t kLoadMemoSize = 8;
struct LoadMemo {
  uintptr_t addr[kLoadMemoSize];
  uint64_t value[kLoadMemoSize];
  uint64_t used[kLoadMemoSize]; ///< `clock` at the entry's last load
  uint64_t clock;
  uint32_t last; ///< the entry of the last load
};

struct ThreadState {
  Tid tid;
  Tid parent;
  Status status;
  // managed, in_rt and ignore_mask are neighbours so active_thread() tests the first two with one
  // 16-bit compare and access_state() reads all three (and the zero pad) as one 32-bit word.
  bool managed;  ///< under the scheduler's control (false before start and after finish)
  uint8_t in_rt; ///< >0 while runtime code runs on this thread (memory intrinsics pass through)
  uint8_t ignore_mask; ///< kIgnoreReads | kIgnoreWrites while the counters below are non-zero
  uint8_t ignore_pad;  ///< always 0 (the fourth byte of access_state())
  bool detached;
  bool timed_out; ///< set when a timed block ended by timeout
  bool block_timed;
  BlockOp block_op;
  uintptr_t block_addr;
  uint64_t block_seq; ///< FIFO order among waiters of one address
  uint32_t futex_bitset;
  Gate gate;
  ThreadState *io_next; ///< link in the I/O hand-back list
  uintptr_t op_pc;      ///< pc of the interceptor call in progress (for reports)
  uintptr_t throw_obj;  ///< the object of this thread's last __cxa_throw (interceptors/exceptions)
  uint32_t throw_stack; ///< depot id of that throw's stack (the throw expression first)

  VectorClock vc;
  VectorClock
      fence_released; ///< the clock at the last release fence: later relaxed stores release it
  VectorClock
      fence_pending; ///< clocks of what relaxed reads read: the next acquire fence acquires them
  bool fence_release_active;
  uint64_t epoch_word; ///< shadow hot word of this thread's current epoch (advance_epoch keeps it)

  uintptr_t stack[kShadowStackCap]; ///< outermost first; entries are call sites (return addresses)
  /// The stack pointer of each entry's function when it entered (its frame's lowest address then):
  /// a longjmp past a frame leaves it behind (shadow_stack_unwind).
  uintptr_t stack_sp[kShadowStackCap];
  uint32_t depth;
  uint32_t stack_id; ///< depot id of the current shadow stack, valid when stack_id_valid
  bool stack_id_valid;

  SmallVector<HeldLock> held;

  // TSan's annotations (interface/tsan_annotations.cpp, tsan_mutex_annotations.cpp).
  uint32_t ignore_reads;  ///< AnnotateIgnoreReadsBegin, __tsan_ignore_thread_begin, mutex regions
  uint32_t ignore_writes; ///< AnnotateIgnoreWritesBegin, __tsan_ignore_thread_begin, mutex regions
  /// Inside __tsan_mutex_pre_*..post_* (outside a divert): the lock's own atomics are neither
  /// scheduling points nor synchronisation, as TSan ignores them; the annotation is the lock.
  uint32_t mutex_region;
  uint32_t region_atomics; ///< atomics in the current region (a bound keeps a wrong one fair)
  /// Annotated locks whose pre_lock took the model lock and whose post_lock has not come yet.
  uintptr_t pending_lock[4];
  uint32_t pending_count;

  uint64_t poll_progress; ///< others_progress() when the current run of polls began
  uint32_t poll_count;
  uint64_t own_progress; ///< state changes made by this thread (others' = g_rt.progress - this)
  uint64_t sched_mark;   ///< g_rt.steps when it last ran or became runnable (starvation bound)
  LoadMemo loads;
  uint32_t quiet_accesses; ///< plain accesses since the last scheduling point (runaway loops)

  uintptr_t pthread;
  void *(*start)(void *);
  void *arg;
  uintptr_t stack_lo, stack_hi;
};

struct Runtime {
  bool initialized;
  bool controlled;
  bool quiet;
  int event_fd; ///< -1: no driver
  const char *strategy_name;
  uint64_t seed;
  uint64_t max_steps;
  Strategy *strategy;
  bool dfs_tokens;
  bool spurious_wakeups; ///< WEFT_SPURIOUS_WAKEUPS: condition waits may return spuriously (a value
                         ///< choice)

  SmallVector<ThreadState *> threads; ///< by tid
  SmallVector<Tid> enabled;           ///< runnable tids, ascending
  SmallVector<Tid> fair_enabled;      ///< scratch: the enabled tids that are not yielding
  int32_t current;                    ///< baton holder, -1 when nobody holds it (__atomic)
  uint64_t steps;                     ///< scheduling points so far
  uint64_t choices;                   ///< recorded choices so far
  uint64_t progress;                  ///< state-changing operations so far (fair scheduling)
  uint64_t block_seq;
  uint32_t blocked_count;
  /// tid + 1 of the thread that reached its exit point first (0: none), and the step after which
  /// the other threads' grace ends: a detached thread that never stops (a daemon loop) must not
  /// keep the process from exiting, so past the deadline the exiting thread is picked (no choice).
  uint32_t exiting;
  uint64_t exit_deadline;

  FutexMutex io_lock;
  uint32_t io_pending;      ///< __atomic: threads wait in io_returned
  ThreadState *io_returned; ///< guarded by io_lock
  uint32_t io_count;        ///< threads inside an unmodelled blocking call

  AddrMap<char> racy_pcs; ///< plain-access pcs that are choice points
  /// Byte i is set when some racy pc has (pc & (kRacyFilterSize - 1)) == i: the inline access path
  /// tests one byte and leaves the exact racy_pcs lookup to the general path, so the accesses
  /// at other pcs stay fast once some pcs are choice points (every run after the first race of an
  /// exploration, every replay).
  uint8_t racy_filter[4096];

  uintptr_t program_text_lo, program_text_hi; ///< the main executable's code (call sites)
};

extern Runtime g_rt;
extern WEFT_TLS ThreadState *t_thr;

/// The calling thread when it is under control and not inside the runtime, else nullptr.
inline ThreadState *active_thread() {
  ThreadState *t = t_thr;
  if (!t)
    return nullptr;
  static_assert(offsetof(ThreadState, in_rt) == offsetof(ThreadState, managed) + 1);
  uint16_t managed_in_rt; // little-endian: managed is the low byte
  __builtin_memcpy(&managed_in_rt, &t->managed, sizeof managed_in_rt);
  return managed_in_rt == 1 ? t : nullptr;
}

constexpr uint8_t kIgnoreReads = 1, kIgnoreWrites = 2;

/// managed, in_rt, ignore_mask and the zero pad as one word (little-endian): 1 exactly when t is
/// under control, outside the runtime and ignoring no accesses (the plain-access hooks' one test).
inline uint32_t access_state(const ThreadState *t) {
  static_assert(offsetof(ThreadState, ignore_pad) == offsetof(ThreadState, managed) + 3);
  uint32_t state;
  __builtin_memcpy(&state, &t->managed, sizeof state);
  return state;
}
/// The thread ignores its accesses of this kind (an AnnotateIgnore* or mutex-annotation region).
inline bool ignores(const ThreadState *t, bool write) {
  return t->ignore_mask & (write ? kIgnoreWrites : kIgnoreReads);
}
/// Recomputes ignore_mask from the counters.
inline void update_ignore_mask(ThreadState *t) {
  t->ignore_mask =
      (uint8_t)((t->ignore_reads ? kIgnoreReads : 0) | (t->ignore_writes ? kIgnoreWrites : 0));
}

/// Marks runtime code on this thread (memory intrinsics and hooks it triggers pass through).
struct RtScope {
  ThreadState *t;
  explicit RtScope(ThreadState *th, uintptr_t pc = 0) : t(th) {
    ++t->in_rt;
    if (pc)
      t->op_pc = pc;
  }
  ~RtScope() { --t->in_rt; }
};

/// The thread starts a new epoch: its own clock entry advances (after a release, a create, an
/// exit).
inline void advance_epoch(ThreadState *t) {
  const uint32_t clock = t->vc.get(t->tid) + 1;
  t->vc.set(t->tid, clock);
  t->epoch_word = shadow_word(clock, t->tid, 0, 0);
}

/// Plain accesses take the general path (on_access), not the inline one, while the program has one
/// thread (nothing to check); called when the thread count changes.
inline void note_access_mode() { shadow_allow_inline(g_rt.threads.size > 1); }

constexpr uintptr_t kRacyFilterSize = sizeof(Runtime::racy_filter);
static_assert((kRacyFilterSize & (kRacyFilterSize - 1)) == 0, "a power of two");

/// May `pc` be a choice point? False means certainly not (the inline path's test).
inline bool maybe_racy_pc(uintptr_t pc) { return g_rt.racy_filter[pc & (kRacyFilterSize - 1)]; }

/// Makes the plain accesses at `pc` choice points from now on; false if they already were.
inline bool add_racy_pc(uintptr_t pc) {
  if (g_rt.racy_pcs.find(pc))
    return false;
  uint8_t &filter = g_rt.racy_filter[pc & (kRacyFilterSize - 1)];
  filter = 1;
  g_rt.racy_pcs.insert(pc, reinterpret_cast<char *>(&filter)); // a set: any non-null value
  return true;
}

void rt_init();
const char *block_op_name(BlockOp op);
uint32_t thread_stack_id_slow(ThreadState *t);
/// Depot id of the thread's current shadow stack (cached until func_entry/exit changes it).
inline uint32_t thread_stack_id(ThreadState *t) {
  return t->stack_id_valid ? t->stack_id : thread_stack_id_slow(t);
}
/// Depot id of [pc] + the shadow stack.
uint32_t thread_stack_id_with_pc(ThreadState *t, uintptr_t pc);
/// Drops the shadow stack's entries whose function's frame lies below `sp` (a longjmp, siglongjmp
/// or exception handler resumes the function whose stack pointer is `sp`: the frames the machine
/// stack left behind are left here too).
void shadow_stack_unwind(ThreadState *t, uintptr_t sp);
/// Writes the thread's stack, `pc` first when non-zero, then `caller` when non-zero, innermost
/// first.
struct Line;
void append_stack(Line &l, ThreadState *t, uintptr_t pc, uintptr_t caller = 0);
/// When `pc` (an interceptor's return address) is outside the main executable, the program's call
/// into that library, found on the machine stack above `frame`; 0 otherwise or if not found.
uintptr_t program_call_site(ThreadState *t, uintptr_t pc, const void *frame);
void append_depot_stack(Line &l, uintptr_t pc, uint32_t stack_id);

} // namespace weft
