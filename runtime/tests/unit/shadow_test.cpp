// Shadow cells: conflicting unordered accesses race; ordered ones, read-read, atomic-atomic and
// disjoint bytes of one granule do not; erasing a range forgets it.
#include "core/shadow.h"
#include <algorithm>
#include <gtest/gtest.h>

using namespace weft;

namespace {
ShadowSlot acc(Tid t, uint32_t clock, bool write, uintptr_t addr, uint32_t size,
               bool atomic = false) {
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

/// Records the 4-byte access `word` at `pc` in granule `g` as the runtime does (cold record
/// filled); its conflicts go to *found. False: the access was redundant or dropped.
bool record(uintptr_t g, uint64_t word, uintptr_t pc, const VectorClock &vc,
            ShadowConflicts *found) {
  ShadowCold *c = shadow_access_word(g, word, pc, vc, found);
  if (c)
    *c = ShadowCold{pc, 0, 4};
  return c != nullptr;
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

#if defined(__SSE2__)
// The inline check compares the four slots at once; it must agree bit for bit with the one-slot-
// at-a-time reference on any cell content.
TEST(Shadow, VectorSlotBitsMatchScalarReference) {
  using namespace shadow_detail;
  uint64_t state = 0x9e3779b97f4a7c15ull;
  auto next = [&] { // xorshift: small value ranges so tids, clocks and masks collide often
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  auto random_word = [&]() -> uint64_t {
    uint64_t r = next();
    if (r % 5 == 0)
      return 0; // empty slot
    return shadow_word((uint32_t)(r >> 8) % 3, (uint32_t)(r >> 16) % 3, (uint8_t)(r >> 24),
                       (uint8_t)((r >> 32) & (kSlotWrite | kSlotAtomic)));
  };
  for (int round = 0; round < 100000; ++round) {
    Cell cell;
    for (int i = 0; i < kSlotsPerCell; ++i)
      cell_store(cell, i, random_word());
    uint64_t cur = random_word() | shadow_word(0, 0, 1, 0); // a real access: valid, some bytes
    SlotBits v = slot_bits_sse2(cell, cur), s = slot_bits_scalar(cell, cur);
    ASSERT_EQ(v.redundant, s.redundant) << round;
    ASSERT_EQ(v.replace, s.replace) << round;
    ASSERT_EQ(v.shared, s.shared) << round;
    ASSERT_EQ(v.empty, s.empty) << round;
  }
}
#endif

// The inline path: a thread's own accesses replace each other; the same access twice in one epoch
// is redundant; a cell holding another thread's access is handed to the general check.
TEST(Shadow, OwnRecordReplacesRedundantAndHandsOverShared) {
  const uintptr_t g = 0x60000;
  VectorClock t0{};
  t0.set(0, 1);
  ShadowSlot prev;
  shadow_allow_inline(true);
  shadow_access(g, acc(0, 1, false, g, 4), t0, &prev); // caches the page
  ASSERT_TRUE(shadow_page_cached(g));
  uint64_t write_e2 = shadow_word(2, 0, granule_mask(g, 4), kSlotWrite);
  OwnRecord r = shadow_record_own(g, write_e2, 0x1000);
  EXPECT_FALSE(r.shared);
  ASSERT_NE(r.cold, nullptr);
  r = shadow_record_own(g, write_e2, 0x1000);
  EXPECT_EQ(r.cold, nullptr) << "the same write in the same epoch adds nothing";
  EXPECT_FALSE(r.shared);
  r = shadow_record_own(g, shadow_word(2, 0, granule_mask(g, 4), 0), 0x1000);
  EXPECT_EQ(r.cold, nullptr) << "a read after a write of the same bytes in one epoch adds nothing";
  VectorClock t1{};
  t1.set(1, 1);
  EXPECT_TRUE(shadow_access(g, acc(1, 1, false, g, 4), t1, &prev)) << "unordered read of a write";
  r = shadow_record_own(g, shadow_word(3, 0, granule_mask(g, 4), kSlotWrite), 0x1000);
  EXPECT_TRUE(r.shared);
  EXPECT_EQ(r.cold, nullptr);
}

// The inline path's whole-half stores replace exactly the chosen slot: on any cell content, the
// cell afterwards is what the one-slot-at-a-time reference (scalar bits + cell_store) makes of it.
TEST(Shadow, OwnRecordStoresOnlyTheChosenSlot) {
  using namespace shadow_detail;
  const uintptr_t g = 0x70000;
  VectorClock t0{};
  ShadowSlot prev;
  shadow_allow_inline(true);
  shadow_access(g, acc(0, 1, false, g, 4), t0, &prev); // caches the page
  ASSERT_TRUE(shadow_page_cached(g));
  Cell &live = page_for(g)->cells[(g >> 3) & (kCellsPerPage - 1)];
  uint64_t state = 0x2545f4914f6cdd1dull;
  auto next = [&] {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  auto own_word = [&]() -> uint64_t { // thread 0's accesses only: the inline path's case
    uint64_t r = next();
    if (r % 4 == 0)
      return 0;
    return shadow_word((uint32_t)(r >> 8) % 3, 0, (uint8_t)(1u << (r >> 16) % 3),
                       (uint8_t)((r >> 32) & kSlotWrite));
  };
  for (int round = 0; round < 20000; ++round) {
    for (int i = 0; i < kSlotsPerCell; ++i) {
      cell_store(live, i, own_word());
      page_for(g)->cold[(g >> 3) & (kCellsPerPage - 1)][i].pc = 0x1000; // no siblings here
    }
    const uint64_t cur = own_word() | shadow_word(0, 0, 1, 0);
    const Cell before = live;
    const SlotBits b = slot_bits_scalar(before, cur);
    const OwnRecord r = shadow_record_own(g, cur, 0x1000); // every slot's pc (acc(0, ...))
    const bool full = !b.redundant && !b.replace && !b.empty;
    ASSERT_EQ(r.shared, full) << round << ": only a full cell goes to the general path";
    if (full)
      continue;
    Cell expect = before;
    if (!b.redundant) {
      ASSERT_NE(r.cold, nullptr) << round;
      const int victim = (int)(r.cold - page_for(g)->cold[(g >> 3) & (kCellsPerPage - 1)]);
      const unsigned pick = b.replace ? b.replace : b.empty;
      if (pick) {
        ASSERT_EQ(victim, __builtin_ctz(pick)) << round;
      }
      cell_store(expect, victim, cur);
    }
    for (int i = 0; i < kSlotsPerCell; ++i)
      ASSERT_EQ(cell_word(live, i), cell_word(expect, i)) << round << " slot " << i;
  }
}

// Issue 14 item 2: a read after the thread's own write in one epoch, at another pc, is kept beside
// the write (a sibling), so a later unordered write by another thread conflicts with both pcs and
// both become choice points; the same read again (same pc) is redundant; siblings never evict.
TEST(Shadow, SiblingAtAnotherPcIsKeptAndEveryConflictIsReturned) {
  const uintptr_t g = 0x80000;
  VectorClock t0{}, t1{};
  t0.set(0, 1);
  t1.set(1, 1);
  const uint8_t m = granule_mask(g, 4);
  ShadowConflicts found;
  EXPECT_TRUE(record(g, shadow_word(1, 0, m, 0), 0xa0, t0, &found));          // read v
  EXPECT_TRUE(record(g, shadow_word(1, 0, m, kSlotWrite), 0xa1, t0, &found)); // write (other pc)
  EXPECT_TRUE(record(g, shadow_word(1, 0, m, 0), 0xa2, t0, &found)) << "the re-read: a sibling";
  EXPECT_FALSE(record(g, shadow_word(1, 0, m, 0), 0xa2, t0, &found)) << "the same re-read again";
  EXPECT_EQ(found.count, 0u);
  EXPECT_TRUE(record(g, shadow_word(1, 1, m, kSlotWrite), 0xb0, t1, &found));
  ASSERT_EQ(found.count, 3u) << "the other thread's write races with every pc of thread 0";
  uintptr_t pcs[3] = {found.slot[0].pc, found.slot[1].pc, found.slot[2].pc};
  std::sort(pcs, pcs + 3);
  EXPECT_EQ(pcs[0], 0xa0u);
  EXPECT_EQ(pcs[1], 0xa1u);
  EXPECT_EQ(pcs[2], 0xa2u);
  // The cell is full now (three of thread 0, one of thread 1): a fourth pc of thread 0 in the
  // same epoch that its write already covers is dropped rather than evicting anything.
  EXPECT_FALSE(record(g, shadow_word(1, 0, m, 0), 0xa3, t0, &found));
  EXPECT_EQ(found.count, 1u) << "it still races with thread 1's write";
}

// ...and so is a thread's older access at another pc, in an earlier epoch, that the newer one would
// have replaced; the same pc in a later epoch still replaces its own slot (a loop stays in one).
TEST(Shadow, OlderAccessAtAnotherPcIsKept) {
  const uintptr_t g = 0x90000;
  const uint8_t m = granule_mask(g, 4);
  VectorClock t0{}, t1{};
  t0.set(0, 2);
  t1.set(1, 1);
  ShadowConflicts found;
  record(g, shadow_word(1, 0, m, 0), 0xc0, t0, &found); // epoch 1: read at pc c0
  record(g, shadow_word(2, 0, m, 0), 0xc1, t0, &found); // epoch 2: read at pc c1
  record(g, shadow_word(3, 0, m, 0), 0xc1, t0, &found); // epoch 3: c1 again, replaces its slot
  int live = 0;
  const shadow_detail::Cell &cell =
      shadow_detail::page_for(g)->cells[(g >> 3) & (shadow_detail::kCellsPerPage - 1)];
  for (int i = 0; i < kSlotsPerCell; ++i)
    live += shadow_detail::cell_word(cell, i) != 0;
  EXPECT_EQ(live, 2) << "one slot per pc";
  record(g, shadow_word(1, 1, m, kSlotWrite), 0xd0, t1, &found);
  ASSERT_EQ(found.count, 2u);
  EXPECT_NE(found.slot[0].pc, found.slot[1].pc);
  EXPECT_TRUE(found.slot[0].pc == 0xc0 || found.slot[1].pc == 0xc0) << "the older pc races too";
}
