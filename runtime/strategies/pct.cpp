// PCT: "A Randomized Scheduler with Probabilistic Guarantees of Finding Bugs", Burckhardt, Kothari,
// Musuvathi, Nagarakatte, ASPLOS 2010. For a program with n threads and k steps, a bug of depth d
// is found with probability at least 1/(n * k^(d-1)) per run.
//
// Invariants:
//  - Every thread gets a distinct random initial priority when it is created, all of them above d
//    (drawn from [2^40, 2^62) with the tid breaking ties): a random permutation of the threads.
//  - d-1 change points k_1..k_(d-1) are drawn independently and uniformly from [1, k] (k =
//    WEFT_PCT_STEPS, an estimate of the number of steps from earlier runs). Change point k_i
//    carries priority i, in draw order, not in time order: a thread lowered later may rank above
//    or below one lowered earlier, with equal chance. (Labelling them in time order would make
//    every later-lowered thread outrank every earlier-lowered one, and bugs that need the opposite
//    would never be found: issue 14.) Points that coincide apply in draw order, the last one wins.
//  - At step k_i, the thread that would run that step (the enabled thread of highest priority: the
//    running thread whenever it can go on) drops to priority i, below every initial priority, and
//    the choice is made again: the thread is preempted right before step k_i.
//  - At each choice point the enabled thread with the highest priority runs. A step is one call of
//    pick() or pick_value(), i.e. one recorded choice (what the driver counts for k).
//  - Fairness (CHESS, core/fairness.h): a yielding thread is not offered while another thread can
//    run, and keeps its priority for when something changes; a thread that starved another past
//    the scheduler's bound drops below every other priority, including change-point priorities,
//    so a loop that never polls cannot starve the thread it waits for either.
//  - Determinism: every draw comes from the seeded generator, in a fixed order.
#include "strategies/strategies.h"

namespace weft {

namespace {
constexpr uint64_t kApplied = ~0ull; // a change point that has been used
} // namespace

void PctStrategy::new_execution(const StrategyConfig &c) {
  rng_.seed(c.seed ^ 0x5043545043545043ull);
  depth_ = c.pct_depth ? c.pct_depth : 1;
  uint64_t k = c.pct_steps ? c.pct_steps : 1;
  step = 0; // one execution per process in the runtime, but a strategy may be reused (tests)
  prio_.clear();
  change_points_.clear();
  next_due_ = kApplied;
  for (uint32_t i = 1; i < depth_; ++i) {
    uint64_t p = 1 + (rng_.next() % k);
    change_points_.push_back(p); // index i-1 carries priority i
    if (p < next_due_)
      next_due_ = p;
  }
  starved_floor_ = 0;
}

void PctStrategy::on_thread_created(Tid t) {
  while (prio_.size <= t)
    prio_.push_back(0);
  int64_t p = (int64_t)((1ull << 40) + (rng_.next() % ((1ull << 62) - (1ull << 40))));
  prio_[t] = (p & ~(int64_t)0xffff) | (int64_t)(t & 0xffff); // distinct: tid in the low bits
}

Tid PctStrategy::highest(const Tid *enabled, uint32_t n) const {
  Tid best = enabled[0];
  int64_t bp = best < prio_.size ? prio_[best] : 0;
  for (uint32_t i = 1; i < n; ++i) {
    int64_t p = enabled[i] < prio_.size ? prio_[enabled[i]] : 0;
    if (p > bp)
      best = enabled[i], bp = p;
  }
  return best;
}

void PctStrategy::apply_due_change_points(const Tid *enabled, uint32_t n) {
  // Points that fell on value choices (no thread to lower there) apply at the next thread choice,
  // in time order, then draw order.
  while (next_due_ <= step) {
    uint32_t due = 0;
    for (uint32_t i = 1; i < change_points_.size; ++i)
      if (change_points_[i] < change_points_[due])
        due = i;
    Tid t = highest(enabled, n);
    if (t < prio_.size)
      prio_[t] = (int64_t)due + 1; // the change point k_(due+1): priority due+1
    change_points_[due] = kApplied;
    next_due_ = kApplied;
    for (uint64_t p : change_points_)
      if (p < next_due_)
        next_due_ = p;
  }
}

Tid PctStrategy::pick(const Tid *enabled, uint32_t n, Tid) {
  ++step;
  if (next_due_ <= step)
    apply_due_change_points(enabled, n);
  return highest(enabled, n);
}

void PctStrategy::on_starved(Tid starver) {
  if (starver < prio_.size)
    prio_[starver] = --starved_floor_;
}

uint32_t PctStrategy::pick_value(uint32_t n) {
  ++step;
  return rng_.below(n);
}

} // namespace weft
