// The random strategy: at each choice point, a uniformly random thread among those offered (the
// scheduler leaves yielding threads out when others can run). Same seed => same choices.
#include "strategies/strategies.h"

namespace weft {

void RandomStrategy::new_execution(const StrategyConfig &c) { rng_.seed(c.seed); }

Tid RandomStrategy::pick(const Tid *enabled, uint32_t n, Tid) {
  ++step;
  return enabled[rng_.below(n)];
}

uint32_t RandomStrategy::pick_value(uint32_t n) {
  ++step;
  return rng_.below(n);
}

} // namespace weft
