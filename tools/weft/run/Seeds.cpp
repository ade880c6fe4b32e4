// SplitMix64 (Steele, Lea, Flood 2014): cheap, and neighbouring (seed, iteration) pairs give
// unrelated streams, which a plain seed + iteration would not for some strategies' generators.
#include "Seeds.h"

namespace weft::run {

std::uint64_t mix64(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

std::uint64_t runSeed(std::uint64_t seed, std::uint64_t iteration) {
  return mix64(mix64(seed) ^ (iteration * 0xd1342543de82ef95ull + 1));
}

} // namespace weft::run
