// Depth-first exploration, one branch per process: the driver keeps the DFS tree and hands each run
// a prefix (WEFT_SCHEDULE_FILE) that ends at the branch to try next; after the prefix the run is
// non-preemptive (keep the current thread while it is enabled, else the lowest enabled tid), so each
// run adds no preemptions of its own and the driver can bound them. The scheduler writes the enabled
// set with every choice so the driver sees the untried branches. A yielding thread is not offered
// (core/fairness.h), so a spin loop hands over to the lowest other enabled tid and terminates.
#include "strategies/strategies.h"

namespace weft {

void DfsStrategy::new_execution(const StrategyConfig &c) {
  forced_ = c.forced;
  n_forced_ = c.n_forced;
  step = 0;
}

Tid DfsStrategy::pick(const Tid *enabled, uint32_t n, Tid current) {
  Tid t;
  if (step < n_forced_) {
    if (!forced_thread(forced_, n_forced_, step, enabled, n, &t, &diverged_why)) return kDiverged;
    return t;
  }
  ++step;
  bool current_enabled = false;
  for (uint32_t i = 0; i < n; ++i) current_enabled |= enabled[i] == current;
  return current_enabled ? current : enabled[0];
}

uint32_t DfsStrategy::pick_value(uint32_t n) {
  uint32_t v;
  if (step < n_forced_) {
    if (!forced_value(forced_, n_forced_, step, n, &v, &diverged_why)) return kDiverged;
    return v;
  }
  ++step;
  return 0;
}

} // namespace weft
