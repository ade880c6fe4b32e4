// Scheduler core; see scheduler.h. Invariants: g_rt.current is the baton holder's tid (or -1 when
// every live thread is blocked in I/O or parked); `enabled` holds exactly the Runnable tids, sorted;
// only the baton holder changes either (I/O threads hand themselves back through io_lock).
#include "core/scheduler.h"
#include "core/events.h"
#include "core/stack_depot.h"
#include "detectors/detectors.h"
#include "strategies/strategy.h"
#include "weft/protocol.h"

namespace weft {
namespace {

/// Scheduling points the other threads may take after a thread reached its exit point.
constexpr uint64_t kExitGraceSteps = 1u << 16;

void enabled_insert(Tid t) {
  SmallVector<Tid> &e = g_rt.enabled;
  e.push_back(t);
  for (uint32_t i = e.size - 1; i > 0 && e[i - 1] > e[i]; --i) {
    Tid x = e[i];
    e[i] = e[i - 1];
    e[i - 1] = x;
  }
}

void enabled_remove(Tid t) {
  SmallVector<Tid> &e = g_rt.enabled;
  for (uint32_t i = 0; i < e.size; ++i)
    if (e[i] == t) {
      e.erase_at(i);
      return;
    }
}

void make_runnable(ThreadState *w) {
  if (w->status == Status::Blocked) --g_rt.blocked_count;
  w->status = Status::Runnable;
  w->block_op = BlockOp::None;
  mark_scheduled(w);
  enabled_insert(w->tid);
}

/// Takes back threads that returned from unmodelled blocking calls.
void absorb_io_returns() {
  if (!__atomic_load_n(&g_rt.io_pending, __ATOMIC_ACQUIRE)) return;
  g_rt.io_lock.lock();
  ThreadState *l = g_rt.io_returned;
  g_rt.io_returned = nullptr;
  __atomic_store_n(&g_rt.io_pending, 0u, __ATOMIC_RELAXED);
  g_rt.io_lock.unlock();
  // deterministic order: by tid
  while (l) {
    ThreadState *n = l->io_next;
    --g_rt.io_count;
    make_runnable(l);
    l = n;
  }
}

/// Timed waits expire when nothing else can run (time "passes" only then).
bool expire_timed_waits() {
  bool any = false;
  for (uint32_t i = 0; i < g_rt.threads.size; ++i) {
    ThreadState *w = g_rt.threads[i];
    if (w->status == Status::Blocked && w->block_timed) {
      w->timed_out = true;
      make_runnable(w);
      any = true;
    }
  }
  return any;
}

/// `offered`: the threads the strategy chose from (dfs keeps them as the branch's alternatives);
/// `running`: the thread that reached the point. dfs counts a preemption against `running`, not
/// against the last recorded choice: a switch nobody chose (one thread enabled, every other one
/// yielding, the fairness bound, the end of the exit grace) is not in the schedule.
void record_choice(Tid chosen, const Tid *offered, uint32_t n, Tid running) {
  Line l;
  l.len = 0;
  l.dec(chosen);
  if (g_rt.dfs_tokens) {
    l.ch(':');
    for (uint32_t i = 0; i < n; ++i) {
      if (i) l.ch('.');
      l.dec(offered[i]);
    }
    l.ch('@').dec(running);
  }
  steps_token(l.buf, l.len);
  ++g_rt.choices;
}

[[noreturn]] void diverged(const char *why) {
  Line l;
  l.len = 0;
  l.str("diverged").key("step").dec(g_rt.strategy->step).key("text").str(why);
  steps_flush();
  emit(l, true);
  sys::exit_group(WEFT_EXIT_DIVERGED);
}

/// Hands the baton to `next` and, if self_waits, parks until it comes back.
void switch_to(ThreadState *self, Tid next, bool self_waits) {
  steps_flush();
  ThreadState *n = g_rt.threads[next];
  __atomic_store_n(&g_rt.current, (int32_t)next, __ATOMIC_RELAXED);
  n->gate.open();
  if (self_waits) self->gate.pass();
}

/// Picks who runs next after `self` reached a point, blocked or finished.
void run_next(ThreadState *self, bool self_waits) {
  for (;;) {
    absorb_io_returns();
    if (g_rt.enabled.size > 0) break;
    if (expire_timed_waits()) continue;
    if (g_rt.io_count > 0) {
      // Everyone else waits for a thread inside read()/poll()...: put the baton down; the first
      // thread to come back takes it.
      g_rt.io_lock.lock();
      if (g_rt.io_returned) {
        g_rt.io_lock.unlock();
        continue;
      }
      __atomic_store_n(&g_rt.current, -1, __ATOMIC_RELAXED);
      steps_flush();
      g_rt.io_lock.unlock();
      if (self_waits) self->gate.pass();
      return;
    }
    bool unfinished = false;
    for (uint32_t i = 0; i < g_rt.threads.size; ++i)
      unfinished |= g_rt.threads[i]->status != Status::Finished;
    if (!unfinished) { // the last thread finished (after main's pthread_exit): the process ends
      __atomic_store_n(&g_rt.current, -1, __ATOMIC_RELAXED);
      return;
    }
    report_deadlock(self);
  }
  Tid next;
  int32_t starved;
  uint32_t n;
  const Tid *offered;
  if (g_rt.enabled.size == 1) {
    next = g_rt.enabled[0];
  } else if (g_rt.exiting && g_rt.steps > g_rt.exit_deadline &&
             g_rt.threads[g_rt.exiting - 1]->status == Status::Runnable) {
    next = g_rt.exiting - 1; // the grace is over: the process ends (a function of the steps)
  } else if ((starved = starved_thread(self)) >= 0) {
    // Fairness bound: no choice (a function of the steps, recomputed on replay), not recorded.
    next = (Tid)starved;
    if (self->status == Status::Runnable) g_rt.strategy->on_starved(self->tid);
  } else if (offered = fair_choices(&n), n == 1) {
    next = offered[0]; // every other enabled thread is yielding: no choice
  } else {
    next = g_rt.strategy->pick(offered, n, self->tid);
    if (next == kDiverged) diverged(g_rt.strategy->diverged_why);
    record_choice(next, offered, n, self->tid);
  }
  mark_scheduled(g_rt.threads[next]);
  if (next == self->tid && self->status == Status::Runnable) return;
  switch_to(self, next, self_waits);
}

} // namespace

void sched_point_slow(ThreadState *t) {
  if (g_rt.steps > g_rt.max_steps) report_livelock(t);
  run_next(t, true);
}

bool sched_block(ThreadState *t, BlockOp op, uintptr_t addr, bool timed) {
  t->status = Status::Blocked;
  t->block_op = op;
  t->block_addr = addr;
  t->block_timed = timed;
  t->timed_out = false;
  t->block_seq = ++g_rt.block_seq;
  ++g_rt.blocked_count;
  enabled_remove(t->tid);
  if (++g_rt.steps > g_rt.max_steps) report_livelock(t);
  run_next(t, true);
  return t->timed_out;
}

void sched_wake_all(uintptr_t addr) {
  if (g_rt.blocked_count == 0) return;
  for (uint32_t i = 0; i < g_rt.threads.size; ++i) {
    ThreadState *w = g_rt.threads[i];
    if (w->status == Status::Blocked && w->block_addr == addr) make_runnable(w);
  }
}

ThreadState *sched_wake_one(uintptr_t addr, uint32_t bitset) {
  if (g_rt.blocked_count == 0) return nullptr;
  ThreadState *best = nullptr;
  for (uint32_t i = 0; i < g_rt.threads.size; ++i) {
    ThreadState *w = g_rt.threads[i];
    if (w->status == Status::Blocked && w->block_addr == addr && (w->futex_bitset & bitset) &&
        (!best || w->block_seq < best->block_seq))
      best = w;
  }
  if (best) make_runnable(best);
  return best;
}

uint32_t sched_value(ThreadState *t, uint32_t n) {
  (void)t;
  if (n < 2) return 0;
  uint32_t v = g_rt.strategy->pick_value(n);
  if (v == kDiverged) diverged(g_rt.strategy->diverged_why);
  Line l;
  l.len = 0;
  l.ch('!').dec(v);
  if (g_rt.dfs_tokens) {
    l.ch(':');
    for (uint32_t i = 0; i < n; ++i) {
      if (i) l.ch('.');
      l.dec(i);
    }
  }
  steps_token(l.buf, l.len);
  ++g_rt.choices;
  return v;
}

ThreadState *thread_create(ThreadState *parent) {
  ThreadState *c = static_cast<ThreadState *>(arena_alloc(sizeof(ThreadState)));
  c->tid = g_rt.threads.size;
  c->parent = parent ? parent->tid : 0;
  c->futex_bitset = 0xffffffffu;
  g_rt.threads.push_back(c);
  note_access_mode();
  if (parent) {
    c->vc.join(parent->vc); // everything the parent did happens before the child starts
    advance_epoch(parent);
  }
  advance_epoch(c);
  c->status = Status::Runnable;
  mark_scheduled(c);
  enabled_insert(c->tid);
  g_rt.strategy->on_thread_created(c->tid);
  return c;
}

void thread_begin(ThreadState *t) {
  t->gate.pass();
  t->managed = true;
}

void thread_finish(ThreadState *t) {
  t->managed = false;
  advance_epoch(t);
  t->status = Status::Finished;
  enabled_remove(t->tid);
  note_progress(t);
  sched_wake_all(reinterpret_cast<uintptr_t>(t)); // joiners block on the thread's state
  run_next(t, false);
}

void exit_point(ThreadState *t, uintptr_t pc) {
  RtScope scope(t, pc);
  // With one thread there is nobody to give a grace to, and a static constructor returning to the
  // C library looks like `main` returning: arming the grace there would, once it is over, run the
  // main thread at every point of the real run.
  if (!g_rt.exiting && g_rt.threads.size > 1) {
    g_rt.exiting = t->tid + 1;
    g_rt.exit_deadline = g_rt.steps + kExitGraceSteps;
  }
  sched_point(t);
}

ThreadState *thread_by_pthread(uintptr_t pthread) {
  for (uint32_t i = g_rt.threads.size; i-- > 0;)
    if (g_rt.threads[i]->pthread == pthread && g_rt.threads[i]->pthread) return g_rt.threads[i];
  return nullptr;
}

void io_enter(ThreadState *t) {
  t->status = Status::InSyscall;
  t->managed = false;
  enabled_remove(t->tid);
  ++g_rt.io_count;
  run_next(t, false);
}

void io_exit(ThreadState *t) {
  g_rt.io_lock.lock();
  int32_t expected = -1;
  if (__atomic_compare_exchange_n(&g_rt.current, &expected, (int32_t)t->tid, false, __ATOMIC_SEQ_CST,
                                  __ATOMIC_SEQ_CST)) {
    // Nobody holds the baton: take it.
    g_rt.io_lock.unlock();
    --g_rt.io_count;
    make_runnable(t);
    t->managed = true;
    return;
  }
  t->io_next = g_rt.io_returned;
  g_rt.io_returned = t;
  __atomic_store_n(&g_rt.io_pending, 1u, __ATOMIC_RELEASE);
  g_rt.io_lock.unlock();
  t->gate.pass();
  t->managed = true;
}

} // namespace weft
