// The PRNG: deterministic per seed, different across seeds, bounded draws in range.
#include "internal/prng.h"
#include <gtest/gtest.h>

using namespace weft;

TEST(Prng, SameSeedSameSequence) {
  Prng a{}, b{};
  a.seed(42);
  b.seed(42);
  for (int i = 0; i < 1000; ++i) EXPECT_EQ(a.next(), b.next());
}

TEST(Prng, DifferentSeedsDiffer) {
  Prng a{}, b{};
  a.seed(1);
  b.seed(2);
  int same = 0;
  for (int i = 0; i < 100; ++i) same += a.next() == b.next();
  EXPECT_EQ(same, 0);
}

TEST(Prng, BelowIsInRangeAndCoversIt) {
  Prng a{};
  a.seed(7);
  int seen[5] = {};
  for (int i = 0; i < 5000; ++i) {
    uint32_t v = a.below(5);
    ASSERT_LT(v, 5u);
    ++seen[v];
  }
  for (int c : seen) EXPECT_GT(c, 800);
}
