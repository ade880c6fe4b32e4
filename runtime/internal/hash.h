// Hashing for the runtime's address-keyed tables.
#pragma once
#include <cstdint>

namespace weft {
inline uint64_t hash64(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdull;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ull;
  x ^= x >> 33;
  return x;
}
} // namespace weft
