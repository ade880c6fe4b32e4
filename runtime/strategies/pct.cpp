// PCT: "A Randomized Scheduler with Probabilistic Guarantees of Finding Bugs", Burckhardt, Kothari,
// Musuvathi, Nagarakatte, ASPLOS 2010. For a program with n threads and k steps, a bug of depth d is
// found with probability at least 1/(n * k^(d-1)) per run.
//
// Invariants:
//  - Every thread gets a distinct random initial priority when it is created, all of them above d
//    (drawn from [2^40, 2^62) with the tid breaking ties): a random permutation of the threads.
//  - d-1 change points are drawn uniformly from [1, k] (k = WEFT_PCT_STEPS, an estimate of the number
//    of choice points from earlier runs). At the i-th change point (1-based, in step order) the
//    priority of the thread that was running drops to i: below every initial priority.
//  - At each choice point the enabled thread with the highest priority runs. A step is one call of
//    pick(), i.e. one choice point with two or more enabled threads (what the driver counts).
//  - Fairness (CHESS): a yielding thread (polling with no progress anywhere) drops below every other
//    priority, including change-point priorities, so a spin loop cannot starve the thread it waits for.
#include "strategies/strategies.h"

namespace weft {

void PctStrategy::new_execution(const StrategyConfig &c) {
  rng_.seed(c.seed ^ 0x5043545043545043ull);
  depth_ = c.pct_depth ? c.pct_depth : 1;
  uint64_t k = c.pct_steps ? c.pct_steps : 1;
  change_points_.clear();
  for (uint32_t i = 1; i < depth_; ++i) {
    uint64_t p = 1 + (rng_.next() % k);
    // insertion sort: d is tiny
    change_points_.push_back(p);
    for (uint32_t j = change_points_.size - 1; j > 0 && change_points_[j - 1] > change_points_[j]; --j) {
      uint64_t t = change_points_[j];
      change_points_[j] = change_points_[j - 1];
      change_points_[j - 1] = t;
    }
  }
  next_change_ = 0;
  yield_floor_ = 0;
}

void PctStrategy::on_thread_created(Tid t) {
  while (prio_.size <= t) prio_.push_back(0);
  int64_t p = (int64_t)((1ull << 40) + (rng_.next() % ((1ull << 62) - (1ull << 40))));
  prio_[t] = (p & ~(int64_t)0xffff) | (int64_t)(t & 0xffff); // distinct: tid in the low bits
}

Tid PctStrategy::pick(const Tid *enabled, uint32_t n, Tid current, bool yielding) {
  ++step;
  while (next_change_ < change_points_.size && change_points_[next_change_] <= step) {
    ++next_change_;
    if (current < prio_.size) prio_[current] = next_change_; // the i-th change point: priority i
  }
  if (yielding && current < prio_.size) prio_[current] = --yield_floor_;
  Tid best = enabled[0];
  int64_t bp = best < prio_.size ? prio_[best] : 0;
  for (uint32_t i = 1; i < n; ++i) {
    int64_t p = enabled[i] < prio_.size ? prio_[enabled[i]] : 0;
    if (p > bp) best = enabled[i], bp = p;
  }
  return best;
}

uint32_t PctStrategy::pick_value(uint32_t n) {
  ++step;
  return rng_.below(n);
}

} // namespace weft
