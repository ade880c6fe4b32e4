// Per-run seeds: each run of an exploration gets a seed that depends only on the user's seed and
// the run's index, so any run can be redone alone and -j N explores exactly what -j 1 explores.
#pragma once

#include <cstdint>

namespace weft::run {

/// SplitMix64's finaliser: a bijective mix of all 64 bits.
std::uint64_t mix64(std::uint64_t x);

/// The seed of run `iteration` of an exploration started with `seed`.
std::uint64_t runSeed(std::uint64_t seed, std::uint64_t iteration);

} // namespace weft::run
