// The arena: zeroed, aligned blocks; freed blocks are reused; large blocks are separate mappings.
#include "internal/arena.h"
#include "internal/small_vector.h"
#include "internal/addr_map.h"
#include <cstdint>
#include <gtest/gtest.h>

using namespace weft;

TEST(Arena, ZeroedAlignedAndReused) {
  auto *p = static_cast<unsigned char *>(arena_alloc(40));
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(p) % 16, 0u);
  for (int i = 0; i < 40; ++i) EXPECT_EQ(p[i], 0);
  p[3] = 7;
  arena_free(p, 40);
  auto *q = static_cast<unsigned char *>(arena_alloc(33)); // same size class (64)
  EXPECT_EQ(q, p);
  EXPECT_EQ(q[3], 0);
}

TEST(Arena, LargeBlocksAreUnmapped) {
  size_t before = arena_bytes_mapped();
  void *p = arena_alloc(1 << 20);
  EXPECT_GE(arena_bytes_mapped(), before + (1 << 20));
  arena_free(p, 1 << 20);
  EXPECT_EQ(arena_bytes_mapped(), before);
}

TEST(SmallVector, GrowsAndErases) {
  SmallVector<int> v{};
  for (int i = 0; i < 100; ++i) v.push_back(i);
  EXPECT_EQ(v.size, 100u);
  v.erase_at(0);
  EXPECT_EQ(v[0], 1);
  EXPECT_EQ(v.size, 99u);
  v.release();
}

TEST(AddrMap, InsertFindEraseKeepsProbeChains) {
  AddrMap<int> m{};
  static int vals[2000];
  for (uintptr_t k = 1; k < 2000; ++k) m.insert(k * 8, &vals[k]);
  for (uintptr_t k = 1; k < 2000; k += 2) EXPECT_EQ(m.erase(k * 8), &vals[k]);
  for (uintptr_t k = 1; k < 2000; ++k) EXPECT_EQ(m.find(k * 8), k % 2 ? nullptr : &vals[k]);
  EXPECT_EQ(m.count, 999u);
}
