// Shadow cells: conflicting unordered accesses race; ordered ones, read-read, atomic-atomic and
// disjoint bytes of one granule do not; erasing a range forgets it.
#include "core/shadow.h"
#include <gtest/gtest.h>

using namespace weft;

namespace {
ShadowSlot acc(Tid t, uint32_t clock, bool write, uintptr_t addr, uint32_t size, bool atomic = false) {
  ShadowSlot s{};
  s.tid = (uint16_t)t;
  s.clock = clock;
  s.flags = (uint8_t)((write ? kSlotWrite : 0) | (atomic ? kSlotAtomic : 0));
  s.mask = granule_mask(addr, size);
  s.addr = addr;
  s.size = size;
  s.pc = 0x1000 + t;
  return s;
}
} // namespace

TEST(Shadow, UnorderedWriteWriteRaces) {
  VectorClock t0{}, t1{};
  t0.set(0, 1);
  t1.set(1, 1);
  ShadowSlot prev;
  EXPECT_FALSE(shadow_access(0x10000, acc(0, 1, true, 0x10000, 4), t0, &prev));
  EXPECT_TRUE(shadow_access(0x10000, acc(1, 1, true, 0x10000, 4), t1, &prev));
  EXPECT_EQ(prev.tid, 0);
  EXPECT_TRUE(prev.flags & kSlotWrite);
}

TEST(Shadow, HappensBeforeDoesNotRace) {
  VectorClock t0{}, t1{};
  t0.set(0, 1);
  t1.set(1, 1);
  t1.set(0, 1); // thread 1 acquired thread 0's epoch 1
  ShadowSlot prev;
  EXPECT_FALSE(shadow_access(0x20000, acc(0, 1, true, 0x20000, 8), t0, &prev));
  EXPECT_FALSE(shadow_access(0x20000, acc(1, 1, true, 0x20000, 8), t1, &prev));
}

TEST(Shadow, ReadReadAtomicAtomicAndDisjointBytesDoNotRace) {
  VectorClock t0{}, t1{};
  t0.set(0, 1);
  t1.set(1, 1);
  ShadowSlot prev;
  EXPECT_FALSE(shadow_access(0x30000, acc(0, 1, false, 0x30000, 4), t0, &prev));
  EXPECT_FALSE(shadow_access(0x30000, acc(1, 1, false, 0x30000, 4), t1, &prev));
  EXPECT_FALSE(shadow_access(0x30008, acc(0, 1, true, 0x30008, 4, true), t0, &prev));
  EXPECT_FALSE(shadow_access(0x30008, acc(1, 1, true, 0x30008, 4, true), t1, &prev));
  EXPECT_FALSE(shadow_access(0x30010, acc(0, 1, true, 0x30010, 4), t0, &prev));
  EXPECT_FALSE(shadow_access(0x30010, acc(1, 1, true, 0x30014, 4), t1, &prev));
  // ...but a later access to thread 0's bytes from thread 1 still sees thread 0's write
  EXPECT_TRUE(shadow_access(0x30010, acc(1, 1, false, 0x30010, 4), t1, &prev));
}

TEST(Shadow, EraseForgets) {
  VectorClock t0{}, t1{};
  t0.set(0, 1);
  t1.set(1, 1);
  ShadowSlot prev;
  size_t before = shadow_page_count();
  shadow_access(0x40000, acc(0, 1, true, 0x40000, 8), t0, &prev);
  shadow_access(0x40008, acc(0, 1, true, 0x40008, 8), t0, &prev);
  shadow_access(0x50000, acc(0, 1, true, 0x50000, 8), t0, &prev);
  EXPECT_EQ(shadow_page_count(), before + 2);
  shadow_erase_range(0x40000, 0x40010); // part of a page: cells cleared
  EXPECT_FALSE(shadow_access(0x40000, acc(1, 1, true, 0x40000, 8), t1, &prev));
  EXPECT_FALSE(shadow_access(0x40008, acc(1, 1, true, 0x40008, 8), t1, &prev));
  shadow_erase_range(0x50000, 0x51000); // a whole page: unmapped
  EXPECT_EQ(shadow_page_count(), before + 1);
  EXPECT_FALSE(shadow_access(0x50000, acc(1, 1, true, 0x50000, 8), t1, &prev));
}
