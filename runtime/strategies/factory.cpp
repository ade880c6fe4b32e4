// Maps a strategy name to its class; the only file that knows every strategy.
#include "strategies/strategy.h"
#include "strategies/strategies.h"
#include <new>

namespace weft {

namespace {
bool same(const char *a, const char *b) {
  while (*a && *a == *b) ++a, ++b;
  return *a == *b;
}
} // namespace

Strategy *strategy_create(const char *name, void *storage) {
  static_assert(sizeof(RandomStrategy) <= kStrategyStorage && sizeof(PctStrategy) <= kStrategyStorage &&
                sizeof(DfsStrategy) <= kStrategyStorage && sizeof(ReplayStrategy) <= kStrategyStorage);
  if (same(name, "random")) return new (storage) RandomStrategy();
  if (same(name, "pct")) return new (storage) PctStrategy();
  if (same(name, "dfs")) return new (storage) DfsStrategy();
  if (same(name, "replay")) return new (storage) ReplayStrategy();
  return nullptr;
}

} // namespace weft
