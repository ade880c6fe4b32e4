// Fair scheduling, after CHESS (Musuvathi & Qadeer, "Fair stateless model checking", PLDI 2008):
// a program whose threads all finish under every fair schedule must finish under weft, whatever
// the strategy, so `livelock` means the program does not finish under a fair schedule either.
// Two rules, both functions of the execution so far (so of the schedule: replay and dfs prefixes
// recompute them and nothing about them is recorded):
//  1. A thread that keeps polling while no *other* thread changes anything (same-value loads,
//     failed trylocks and CAS, unchanged RMWs, yields) is *yielding*: the strategy is offered the
//     other enabled threads until another thread makes progress. Its own stores do not count: a
//     spin loop that bumps a statistic or a heartbeat is still waiting for someone else.
//  2. A hard bound: an enabled thread that has not run for kStarvationBound scheduling points is
//     run, and the strategy is told who starved it (PCT drops that thread's priority).
#pragma once
#include "core/rt.h"

namespace weft {

/// Polls without progress by another thread before a thread counts as yielding.
constexpr uint32_t kPollsBeforeYield = 4;
/// The same for a thread that holds a lock. One that gives way holding the lock another tries (a
/// back-off loop: lock a, trylock b, unlock a) makes the other fail too, and two such threads
/// that only ever give way there alternate forever; so a holder gives way at its next point with
/// no lock held, or after this many polls (a spin under a lock for a flag set without it).
constexpr uint32_t kPollsBeforeYieldHolding = 4 * kPollsBeforeYield;
/// Scheduling points an enabled thread may wait before it is run (rule 2).
constexpr uint64_t kStarvationBound = 1u << 16;

/// State changes made by threads other than t (fair scheduling's "something changed").
inline uint64_t others_progress(const ThreadState *t) { return g_rt.progress - t->own_progress; }

/// The operation changed shared state (a store, an unlock, a post...).
inline void note_progress(ThreadState *t) {
  ++g_rt.progress;
  ++t->own_progress;
}
/// The operation polled without changing anything (failed trylock/CAS, yield...): `weight` polls.
void note_poll(ThreadState *t, uint32_t weight = 1);
/// t is about to read (plain racy read) or has just read (atomic load) `size` bytes at addr: a
/// poll when it is the value t's last read of addr returned.
void note_load(ThreadState *t, const volatile void *addr, size_t size);
/// Rule 1: t polled kPollsBeforeYield(Holding) times and nobody else changed anything since.
inline bool is_yielding(const ThreadState *t) {
  return t->poll_count >= (t->held.size ? kPollsBeforeYieldHolding : kPollsBeforeYield) &&
         t->poll_progress == others_progress(t);
}
/// The thread ran or became runnable now (the starvation bound counts from here).
inline void mark_scheduled(ThreadState *t) { t->sched_mark = g_rt.steps; }

/// Rule 2: the enabled thread other than self that has waited longest, if past the bound (lowest
/// tid among equals); -1 otherwise.
int32_t starved_thread(const ThreadState *self);
/// Rule 1: the enabled threads that are not yielding, or all of them when every one is; *n gets
/// the count. The array lives until the next call.
const Tid *fair_choices(uint32_t *n);

} // namespace weft
