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
  FutexWait
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
  // managed and in_rt are neighbours so active_thread() tests both with one 16-bit compare.
  bool managed;  ///< under the scheduler's control (false before start and after finish)
  uint8_t in_rt; ///< >0 while runtime code runs on this thread (memory intrinsics pass through)
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

  VectorClock vc;
  VectorClock
      fence_released; ///< the clock at the last release fence: later relaxed stores release it
  VectorClock
      fence_pending; ///< clocks of what relaxed reads read: the next acquire fence acquires them
  bool fence_release_active;
  uint64_t epoch_word; ///< shadow hot word of this thread's current epoch (advance_epoch keeps it)

  uintptr_t stack[kShadowStackCap]; ///< outermost first; entries are call sites (return addresses)
  uint32_t depth;
  uint32_t stack_id; ///< depot id of the current shadow stack, valid when stack_id_valid
  bool stack_id_valid;

  SmallVector<HeldLock> held;

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
/// Writes the thread's stack, `pc` first when non-zero, then `caller` when non-zero, innermost
/// first.
struct Line;
void append_stack(Line &l, ThreadState *t, uintptr_t pc, uintptr_t caller = 0);
/// When `pc` (an interceptor's return address) is outside the main executable, the program's call
/// into that library, found on the machine stack above `frame`; 0 otherwise or if not found.
uintptr_t program_call_site(ThreadState *t, uintptr_t pc, const void *frame);
void append_depot_stack(Line &l, uintptr_t pc, uint32_t stack_id);

} // namespace weft
