// The one interface every exploration strategy implements (after shuttle's Scheduler): start an
// execution, pick the next thread from a non-empty enabled list, pick a value. Strategies are pure:
// no I/O, no scheduler state; the scheduler records what they pick. One file per strategy.
#pragma once
#include <cstdint>

namespace weft {

using Tid = uint32_t;
constexpr Tid kDiverged = 0xffffffffu; ///< pick()/pick_value(): the forced schedule cannot be followed

struct StrategyConfig {
  uint64_t seed;
  uint32_t pct_depth;       ///< PCT bug depth d (>= 1)
  uint64_t pct_steps;       ///< PCT estimate k of the number of choice points
  const uint32_t *forced;   ///< dfs/replay: choices to force first (tid, or WEFT_VALUE_CHOICE|v)
  uint32_t n_forced;
};

class Strategy {
public:
  /// Begins an execution (one per process).
  virtual void new_execution(const StrategyConfig &) {}
  /// A thread was created (tid 0, the main thread, at start).
  virtual void on_thread_created(Tid) {}
  /// Chooses among `enabled` (ascending, n >= 2): the threads that may run here, without those
  /// that are yielding (fair scheduling, core/fairness.h). `current` is the thread that reached the
  /// point (absent from `enabled` when it blocked or yields). Returns a tid from `enabled`, or
  /// kDiverged.
  virtual Tid pick(const Tid *enabled, uint32_t n, Tid current) {
    (void)n, (void)current;
    return enabled[0];
  }
  /// Fairness bound: `starver` kept running while another enabled thread waited too long; the
  /// scheduler runs that thread (no pick, nothing recorded). A priority-based strategy lowers the
  /// starver, or it would take over again at once.
  virtual void on_starved(Tid starver) { (void)starver; }
  /// Chooses a value in [0, n) (0 = the ordinary outcome), or kDiverged.
  virtual uint32_t pick_value(uint32_t n) {
    (void)n;
    return 0;
  }
  /// dfs: the scheduler writes enabled sets into `steps` tokens.
  virtual bool records_enabled_sets() const { return false; }
  /// Why the last kDiverged happened (static text).
  const char *diverged_why = nullptr;
  /// Index of the next choice (for `diverged step=N`).
  uint64_t step = 0;
};

/// Bytes of storage a strategy needs for strategy_create.
constexpr unsigned kStrategyStorage = 256;

/// Builds the named strategy (random, pct, dfs, replay) in `storage`; nullptr for an unknown name.
Strategy *strategy_create(const char *name, void *storage);

/// Parses a schedule file's text into choices (see protocol.h); returns the count, fills *out with an
/// arena array.
uint32_t parse_schedule(const char *text, uint64_t len, uint32_t **out);

} // namespace weft
