// The random strategy: at each choice point, a uniformly random enabled thread (a yielding thread
// gives way when anyone else can run). Same seed => same choices.
#include "strategies/strategies.h"

namespace weft {

void RandomStrategy::new_execution(const StrategyConfig &c) { rng_.seed(c.seed); }

Tid RandomStrategy::pick(const Tid *enabled, uint32_t n, Tid current, bool yielding) {
  ++step;
  if (yielding) {
    // Choose among the others: a spinning thread cannot make progress until someone else runs.
    uint32_t k = rng_.below(n - 1);
    for (uint32_t i = 0; i < n; ++i) {
      if (enabled[i] == current) continue;
      if (k-- == 0) return enabled[i];
    }
  }
  return enabled[rng_.below(n)];
}

uint32_t RandomStrategy::pick_value(uint32_t n) {
  ++step;
  return rng_.below(n);
}

} // namespace weft
