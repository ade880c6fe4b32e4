// The concrete strategies' declarations (their state); the behaviour lives in one .cpp each.
#pragma once
#include "internal/prng.h"
#include "internal/small_vector.h"
#include "strategies/strategy.h"

namespace weft {

/// Uniformly random among the enabled threads at every choice point; seeded, so reproducible.
class RandomStrategy : public Strategy {
public:
  void new_execution(const StrategyConfig &c) override;
  Tid pick(const Tid *enabled, uint32_t n, Tid current) override;
  uint32_t pick_value(uint32_t n) override;

private:
  Prng rng_{};
};

/// PCT, Burckhardt et al., ASPLOS 2010 (see pct.cpp).
class PctStrategy : public Strategy {
public:
  void new_execution(const StrategyConfig &c) override;
  void on_thread_created(Tid t) override;
  Tid pick(const Tid *enabled, uint32_t n, Tid current) override;
  uint32_t pick_value(uint32_t n) override;
  void on_starved(Tid starver) override;

private:
  Tid highest(const Tid *enabled, uint32_t n) const;
  void apply_due_change_points(const Tid *enabled, uint32_t n);

  Prng rng_{};
  SmallVector<int64_t> prio_{};           // by tid; higher runs first
  SmallVector<uint64_t> change_points_{}; // draw order: [i] is the step of priority i + 1
  uint64_t next_due_ = ~0ull;             // the earliest change point not yet applied
  int64_t starved_floor_ = 0;             // starvers go below every other priority
  uint32_t depth_ = 3;
};

/// Follows a forced prefix, then runs non-preemptively; emits enabled sets so the driver keeps the
/// DFS tree (see dfs.cpp).
class DfsStrategy : public Strategy {
public:
  void new_execution(const StrategyConfig &c) override;
  Tid pick(const Tid *enabled, uint32_t n, Tid current) override;
  uint32_t pick_value(uint32_t n) override;
  bool records_enabled_sets() const override { return true; }

private:
  const uint32_t *forced_ = nullptr;
  uint32_t n_forced_ = 0;
};

/// Follows a recorded schedule exactly, or says where it cannot (see replay.cpp).
class ReplayStrategy : public Strategy {
public:
  void new_execution(const StrategyConfig &c) override;
  Tid pick(const Tid *enabled, uint32_t n, Tid current) override;
  uint32_t pick_value(uint32_t n) override;

private:
  const uint32_t *forced_ = nullptr;
  uint32_t n_forced_ = 0;
};

/// Shared by dfs and replay: the next forced choice, if any (advances step).
bool forced_thread(const uint32_t *forced, uint32_t n_forced, uint64_t &step, const Tid *enabled,
                   uint32_t n, Tid *out, const char **why);
bool forced_value(const uint32_t *forced, uint32_t n_forced, uint64_t &step, uint32_t n, uint32_t *out,
                  const char **why);

} // namespace weft
