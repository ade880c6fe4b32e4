// The runtime's only source of randomness: splitmix64 to seed, xoshiro256** to draw. Nothing
// depends on addresses or time, so the same seed gives the same schedule.
#pragma once
#include <cstdint>

namespace weft {

inline uint64_t splitmix64(uint64_t &x) {
  uint64_t z = (x += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

/// xoshiro256** (Blackman & Vigna). Plain data: zero-initialised until seed() is called.
struct Prng {
  uint64_t s[4];
  void seed(uint64_t seed) {
    for (auto &w : s) w = splitmix64(seed);
  }
  static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t next() {
    const uint64_t result = rotl(s[1] * 5, 7) * 9;
    const uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
  }
  /// Uniform in [0, n), n > 0 (Lemire's multiply-shift; bias < 2^-32 for small n).
  uint32_t below(uint32_t n) { return (uint32_t)(((next() >> 32) * (uint64_t)n) >> 32); }
};

} // namespace weft
