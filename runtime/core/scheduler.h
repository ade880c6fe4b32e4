// The scheduler: one managed thread runs at a time; at each scheduling point the strategy picks who
// runs next and the baton (a per-thread futex gate) is handed over. Blocking is modelled: a blocked
// thread is simply not enabled; when nobody is enabled the run is deadlocked (or timed waits expire).
#pragma once
#include "core/fairness.h"
#include "core/rt.h"

namespace weft {

void sched_point_slow(ThreadState *t);
/// A scheduling point before an operation of the calling (baton-holding) thread. Costs a counter and
/// a branch when there is nobody else to run (inline fast path).
inline void sched_point(ThreadState *t) {
  t->quiet_accesses = 0;
  if (++g_rt.steps <= g_rt.max_steps && g_rt.enabled.size == 1 &&
      !__atomic_load_n(&g_rt.io_pending, __ATOMIC_RELAXED))
    return;
  sched_point_slow(t);
}
/// Blocks the calling thread on `addr` until woken (sched_wake*); returns true when a timed block
/// ended by timeout (timeouts happen only when nothing else can run).
bool sched_block(ThreadState *t, BlockOp op, uintptr_t addr, bool timed);
/// Makes every thread blocked on addr runnable (they re-check their condition).
void sched_wake_all(uintptr_t addr);
/// Wakes the longest-waiting thread blocked on addr (futex: whose bitset matches); nullptr if none.
ThreadState *sched_wake_one(uintptr_t addr, uint32_t bitset = 0xffffffffu);
/// A value choice in [0, n) recorded in the schedule (`!V`).
uint32_t sched_value(ThreadState *t, uint32_t n);

/// Registers a new thread (enabled at once); returns its state. Called by the creator.
ThreadState *thread_create(ThreadState *parent);
/// In the new thread: wait for the baton the first time.
void thread_begin(ThreadState *t);
/// The thread is done: wake joiners, hand the baton on, never take it back.
void thread_finish(ThreadState *t);
ThreadState *thread_by_pthread(uintptr_t pthread);

/// The calling thread is about to end the process (`main` returns, or `exit` is called): a
/// scheduling point like any other, so threads that are still runnable (detached, or not joined
/// yet) may run first; the exiting thread stays enabled and exits when the strategy picks it.
/// Without it, a race between such a thread and main's last statements could never be seen.
void exit_point(ThreadState *t, uintptr_t pc);

/// Unmodelled blocking system call: release the baton around it.
void io_enter(ThreadState *t);
void io_exit(ThreadState *t);

} // namespace weft
