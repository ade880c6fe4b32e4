// Replay: force a recorded schedule choice by choice. Any mismatch (a forced thread is not enabled, a
// thread choice where a value was recorded or the reverse, more choices than recorded) is reported
// as divergence instead of silently running a different interleaving.
#include "strategies/strategies.h"
#include "weft/protocol.h"

namespace weft {

bool forced_thread(const uint32_t *forced, uint32_t n_forced, uint64_t &step, const Tid *enabled,
                   uint32_t n, Tid *out, const char **why) {
  if (step >= n_forced) {
    *why = "the program asks for more choices than were recorded";
    return false;
  }
  uint32_t c = forced[step];
  if (c & WEFT_VALUE_CHOICE) {
    *why = "a value choice was recorded here, the program now chooses a thread";
    return false;
  }
  for (uint32_t i = 0; i < n; ++i)
    if (enabled[i] == c) {
      ++step;
      *out = c;
      return true;
    }
  *why = "the recorded thread is not enabled at this point";
  return false;
}

bool forced_value(const uint32_t *forced, uint32_t n_forced, uint64_t &step, uint32_t n, uint32_t *out,
                  const char **why) {
  if (step >= n_forced) {
    *why = "the program asks for more choices than were recorded";
    return false;
  }
  uint32_t c = forced[step];
  if (!(c & WEFT_VALUE_CHOICE)) {
    *why = "a thread choice was recorded here, the program now chooses a value";
    return false;
  }
  uint32_t v = c & ~WEFT_VALUE_CHOICE;
  if (v >= n) {
    *why = "the recorded value is out of range";
    return false;
  }
  ++step;
  *out = v;
  return true;
}

void ReplayStrategy::new_execution(const StrategyConfig &c) {
  forced_ = c.forced;
  n_forced_ = c.n_forced;
  step = 0;
}

Tid ReplayStrategy::pick(const Tid *enabled, uint32_t n, Tid) {
  Tid t;
  if (!forced_thread(forced_, n_forced_, step, enabled, n, &t, &diverged_why)) return kDiverged;
  return t;
}

uint32_t ReplayStrategy::pick_value(uint32_t n) {
  uint32_t v;
  if (!forced_value(forced_, n_forced_, step, n, &v, &diverged_why)) return kDiverged;
  return v;
}

} // namespace weft
