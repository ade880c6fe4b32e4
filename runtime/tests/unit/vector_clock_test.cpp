// Vector clocks: join is the pointwise max, leq the happens-before order, growth keeps entries.
#include "core/vector_clock.h"
#include <gtest/gtest.h>

using namespace weft;

TEST(VectorClock, JoinAndOrder) {
  VectorClock a{}, b{};
  a.set(0, 3);
  a.set(1, 1);
  b.set(1, 5);
  b.set(7, 2);
  EXPECT_FALSE(a.leq(b));
  EXPECT_FALSE(b.leq(a));
  VectorClock c{};
  c.join(a);
  c.join(b);
  EXPECT_EQ(c.get(0), 3u);
  EXPECT_EQ(c.get(1), 5u);
  EXPECT_EQ(c.get(7), 2u);
  EXPECT_EQ(c.get(100), 0u);
  EXPECT_TRUE(a.leq(c));
  EXPECT_TRUE(b.leq(c));
  a.release_storage();
  b.release_storage();
  c.release_storage();
}
