// Shadow memory: per 8-byte granule, up to four recent accesses (TSan keeps four shadow words per
// granule; FastTrack keeps a write epoch and a read epoch or read vector). Four slots let different
// threads touch different bytes of one granule, or read it concurrently, without forgetting the
// last write.
//
// Each slot is split in two because almost every access only needs the first half: an 8-byte *hot
// word* (epoch, bytes, kind: everything the happens-before check reads) and a 16-byte *cold record*
// (pc, stack, size: only a race report reads it). The four hot words of a granule share
// half a cache line, so checking an access touches 32 bytes, not 128. The check and the record are
// inline (shadow_access_word) because they run on every instrumented load and store.
//
// Cells live in shadow pages (one per 4 KiB of program memory, allocated on first touch, found
// through a hash table with a one-entry cache), so neighbouring granules have neighbouring cells;
// memory is bounded by the memory touched, and freed memory's cells are cleared or their pages
// unmapped (see interceptors/memory.cpp).
#pragma once
#include "core/vector_clock.h"
#include <cstddef>
#include <cstdint>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace weft {

enum : uint8_t { kSlotValid = 1, kSlotWrite = 2, kSlotAtomic = 4 };

/// One remembered access as a whole: thread epoch (tid, clock), which bytes of the granule, what
/// kind, where. What reports and tests see; the shadow stores it as hot word + cold record.
struct ShadowSlot {
  uint32_t clock;
  uint16_t tid;
  uint8_t mask;   ///< bit i = byte i of the granule
  uint8_t flags;  ///< kSlot*
  uint32_t stack; ///< stack depot id of the enclosing frames (pc excluded)
  uint32_t size;  ///< size of the whole access (for the report)
  uintptr_t pc;
  uintptr_t addr; ///< start address of the whole access (for the report)
};

/// The report-only half of a slot. The access's address is not kept: a report names the bytes of
/// the granule that raced (granule + first byte of the mask), which is all a report needs of the
/// earlier access, and 16 bytes instead of 24 per slot keep more of the shadow in cache.
struct ShadowCold {
  uintptr_t pc;
  uint32_t stack;
  uint32_t size;
};

constexpr int kSlotsPerCell = 4;

namespace shadow_detail {

constexpr unsigned kPageShift = 12;
constexpr unsigned kCellsPerPage = 1u << (kPageShift - 3);

/// The four hot words of a granule, stored as their high halves then their low halves (clocks), so
/// the SSE2 check loads each half with one instruction. A slot is empty when its high half is 0.
struct Cell {
  uint32_t hi[kSlotsPerCell]; ///< tid, byte mask, flags
  uint32_t lo[kSlotsPerCell]; ///< epoch clock
};
inline uint64_t cell_word(const Cell &c, int i) { return (uint64_t)c.hi[i] << 32 | c.lo[i]; }
inline void cell_store(Cell &c, int i, uint64_t w) {
  c.hi[i] = (uint32_t)(w >> 32);
  c.lo[i] = (uint32_t)w;
}

struct Page {
  Cell cells[kCellsPerPage];
  ShadowCold cold[kCellsPerPage][kSlotsPerCell];
  uint8_t evict[kCellsPerPage]; ///< round-robin victim when all four slots are live
};

/// One-entry page cache: only the baton holder touches the shadow. `inline_key` is `key` while the
/// inline path may run and 0 (no page's key) while every access must take the general path, so the
/// inline path answers both questions with one compare.
struct PageCache {
  uintptr_t key; ///< page number + 1, 0 = empty
  Page *page;
  uintptr_t inline_key;
  bool inline_allowed;
};
extern PageCache g_page_cache;

Page *page_for_slow(uintptr_t addr);
inline Page *page_for(uintptr_t addr) {
  uintptr_t key = (addr >> kPageShift) + 1;
  if (key == g_page_cache.key)
    return g_page_cache.page;
  return page_for_slow(addr);
}

// hot word layout: clock in bits 0-31, tid 32-47, mask 48-55, flags 56-63
inline uint32_t word_clock(uint64_t w) { return (uint32_t)w; }
inline uint32_t word_tid(uint64_t w) { return (uint32_t)(w >> 32) & 0xffff; }
inline uint8_t word_mask(uint64_t w) { return (uint8_t)(w >> 48); }
inline uint8_t word_flags(uint64_t w) { return (uint8_t)(w >> 56); }

} // namespace shadow_detail

/// The write flag in a hot word.
constexpr uint64_t kEpochWriteBit = (uint64_t)kSlotWrite << 56;
/// The atomic flag in a hot word.
constexpr uint64_t kEpochAtomicBit = (uint64_t)kSlotAtomic << 56;

/// The hot word of an access (the valid flag is added here).
inline uint64_t shadow_word(uint32_t clock, uint32_t tid, uint8_t mask, uint8_t flags) {
  return (uint64_t)clock | (uint64_t)(tid & 0xffff) << 32 | (uint64_t)mask << 48 |
         (uint64_t)(flags | kSlotValid) << 56;
}

namespace shadow_detail {

// Bit i of each field is about slot i of a cell, compared with the current access `cur`.
struct SlotBits {
  unsigned redundant; ///< same thread and epoch, same bytes and atomicity, at least as strong
  unsigned replace;   ///< same thread, same bytes, no stronger: cur subsumes it
  unsigned shared;    ///< another thread's access (to these bytes or others of the granule)
  unsigned empty;
};

// The masks below are on the high 32 bits of a hot word: tid 0-15, mask 16-23, flags 24-31.
constexpr uint32_t kHiTid = 0xffffu, kHiMask = 0xffu << 16, kHiValid = (uint32_t)kSlotValid << 24;
constexpr uint32_t kHiWrite = (uint32_t)kSlotWrite << 24, kHiAtomic = (uint32_t)kSlotAtomic << 24;

/// Bits a slot must share with cur to be replaced by it: a read may replace only a read.
inline uint32_t replace_key(uint64_t cur) {
  return kHiTid | kHiMask | kHiValid | kHiAtomic | ((cur >> 32) & kHiWrite ? 0 : kHiWrite);
}
/// ...to make cur redundant: a write is made redundant only by a write.
inline uint32_t redundant_key(uint64_t cur) {
  return kHiTid | kHiMask | kHiValid | kHiAtomic | ((cur >> 32) & kHiWrite ? kHiWrite : 0);
}

/// Reference version, one slot at a time.
inline SlotBits slot_bits_scalar(const Cell &cell, uint64_t cur) {
  SlotBits b{0, 0, 0, 0};
  const uint32_t chi = (uint32_t)(cur >> 32), clo = (uint32_t)cur;
  const uint32_t rep = replace_key(cur), red = redundant_key(cur);
  for (int i = 0; i < kSlotsPerCell; ++i) {
    const uint32_t hi = cell.hi[i], lo = cell.lo[i], x = hi ^ chi;
    b.redundant |= (unsigned)((x & red) == 0 && lo == clo) << i;
    b.replace |= (unsigned)((x & rep) == 0) << i;
    b.shared |= (unsigned)(hi != 0 && (x & kHiTid) != 0) << i;
    b.empty |= (unsigned)(hi == 0) << i;
  }
  return b;
}

#if defined(__SSE2__)
/// The same four slots at once, from the cell's two halves already in registers.
inline SlotBits slot_bits_sse2(__m128i hi, __m128i lo, uint64_t cur) {
  const __m128i zero = _mm_setzero_si128();
  const __m128i chi = _mm_set1_epi32((int)(uint32_t)(cur >> 32));
  const __m128i x = _mm_xor_si128(hi, chi);
  auto is_zero = [&](__m128i v) {
    return (unsigned)_mm_movemask_ps(_mm_castsi128_ps(_mm_cmpeq_epi32(v, zero)));
  };
  auto bits = [](uint32_t k) { return _mm_set1_epi32((int)k); };
  const __m128i same_clock = _mm_cmpeq_epi32(lo, _mm_set1_epi32((int)(uint32_t)cur));
  SlotBits r;
  r.redundant = is_zero(_mm_and_si128(x, bits(redundant_key(cur)))) &
                (unsigned)_mm_movemask_ps(_mm_castsi128_ps(same_clock));
  r.replace = is_zero(_mm_and_si128(x, bits(replace_key(cur))));
  r.empty = is_zero(hi);
  // Conservative here: any other thread's slot counts, overlapping or not (the general path then
  // compares bytes); cheaper than the exact test on the common path, where every slot is ours.
  r.shared = ~(is_zero(_mm_and_si128(x, bits(kHiTid))) | r.empty) & 0xfu;
  return r;
}

inline SlotBits slot_bits_sse2(const Cell &cell, uint64_t cur) {
  return slot_bits_sse2(_mm_loadu_si128(reinterpret_cast<const __m128i *>(cell.hi)),
                        _mm_loadu_si128(reinterpret_cast<const __m128i *>(cell.lo)), cur);
}

/// Lane i all ones: selects slot i of a cell half.
alignas(16) inline constexpr uint32_t kLaneMask[kSlotsPerCell][kSlotsPerCell] = {
    {~0u, 0, 0, 0}, {0, ~0u, 0, 0}, {0, 0, ~0u, 0}, {0, 0, 0, ~0u}};

/// `v` with lane `lane` replaced by `value`.
inline __m128i with_lane(__m128i v, unsigned lane, uint32_t value) {
  const __m128i m = _mm_load_si128(reinterpret_cast<const __m128i *>(kLaneMask[lane]));
  return _mm_or_si128(_mm_andnot_si128(m, v), _mm_and_si128(m, _mm_set1_epi32((int)value)));
}
#endif

inline SlotBits slot_bits(const Cell &cell, uint64_t cur) {
#if defined(__SSE2__)
  return slot_bits_sse2(cell, cur);
#else
  return slot_bits_scalar(cell, cur);
#endif
}

} // namespace shadow_detail

/// The earlier accesses one access races with in one granule (at most one per slot).
struct ShadowConflicts {
  unsigned count;
  ShadowSlot slot[kSlotsPerCell];
};

/// Checks an access (hot word `cur` at `pc`, one granule) against the granule's slots, then records
/// it. Every conflicting earlier access (not ordered by happens-before, different threads,
/// overlapping bytes, at least one write, not both atomic) is copied to *conflicts, so that all of
/// them, not only the first, can become choice points. Returns the cold record the caller must
/// fill for the newly stored slot, or nullptr when the access was redundant (the same thread
/// already recorded at least as much in this epoch *at the same pc*, so it adds nothing any later
/// check or choice point could need; a redundant access reports no conflicts: its twin did).
///
/// The pc matters because racy pcs become choice points: a read that follows the thread's own
/// write in one epoch is redundant for detection, and a thread's newer access replaces its older
/// one of the same bytes (whatever races with the older one races with the newer one too), but if
/// they were dropped, a later write by another thread would race only with the newest pc and a
/// preemption just before the others could never be tried. Such a *sibling* (same thread, another
/// pc) keeps its slot while the cell has an empty one; in a full cell the access is dropped when a
/// sibling of the same epoch covers it (nothing is evicted for a pc alone), else it replaces a
/// sibling it subsumes, as it always did.
ShadowCold *shadow_access_word(uintptr_t granule, uint64_t cur, uintptr_t pc, const VectorClock &vc,
                               ShadowConflicts *conflicts);

/// The granule's shadow page is the cached one and the inline path is allowed (shadow_record_own
/// then needs no call).
inline bool shadow_page_cached(uintptr_t granule) {
  return (granule >> shadow_detail::kPageShift) + 1 == shadow_detail::g_page_cache.inline_key;
}

/// Allows or forbids the inline path (shadow_page_cached answers false while it is forbidden).
inline void shadow_allow_inline(bool allowed) {
  using namespace shadow_detail;
  g_page_cache.inline_allowed = allowed;
  g_page_cache.inline_key = allowed ? g_page_cache.key : 0;
}

/// What shadow_record_own did.
struct OwnRecord {
  ShadowCold *cold; ///< the slot's cold record to fill; nullptr: redundant or shared
  /// nothing done: another thread accessed these bytes, the thread's own slot for them has another
  /// pc (a sibling, see shadow_access_word) or the cell is full; use shadow_access_word
  bool shared;
};

/// The common case of shadow_access_word, inline on every plain access: a cell that holds only the
/// accessing thread's own earlier accesses to these bytes cannot race, so no clock is looked up;
/// the four slots are compared at once (SSE2) and the slot with the same bytes is replaced.
/// The granule's page must be the cached one (shadow_page_cached). A slot is redundant or replaced
/// only when its pc is `pc` (see shadow_access_word); otherwise the general path decides.
__attribute__((always_inline)) inline OwnRecord shadow_record_own(uintptr_t granule, uint64_t cur,
                                                                  uintptr_t pc) {
  using namespace shadow_detail;
  Page *page = g_page_cache.page;
  const unsigned idx = (granule >> 3) & (kCellsPerPage - 1);
  Cell &cell = page->cells[idx];
#if defined(__SSE2__)
  const __m128i hi = _mm_loadu_si128(reinterpret_cast<const __m128i *>(cell.hi));
  const __m128i lo = _mm_loadu_si128(reinterpret_cast<const __m128i *>(cell.lo));
  const SlotBits b = slot_bits_sse2(hi, lo, cur);
#else
  const SlotBits b = slot_bits_scalar(cell, cur);
#endif
  ShadowCold *cold = page->cold[idx];
  if (b.redundant) {
    // Almost always the first redundant slot is this very access from the last loop iteration.
    for (unsigned bits = b.redundant; bits; bits &= bits - 1)
      if (cold[__builtin_ctz(bits)].pc == pc)
        return OwnRecord{nullptr, false};
    return OwnRecord{nullptr, true}; // a sibling at another pc
  }
  if (__builtin_expect(b.shared != 0, 0))
    return OwnRecord{nullptr, true};
  // The slot of the same pc is replaced (a loop's next iteration); slots of other pcs stay while
  // there is an empty one; anything else (a full cell) is the general path's choice.
  unsigned victim = kSlotsPerCell;
  for (unsigned bits = b.replace; bits; bits &= bits - 1)
    if (cold[__builtin_ctz(bits)].pc == pc) {
      victim = (unsigned)__builtin_ctz(bits);
      break;
    }
  if (victim == kSlotsPerCell) {
    if (!b.empty)
      return OwnRecord{nullptr, true};
    victim = (unsigned)__builtin_ctz(b.empty);
  }
#if defined(__SSE2__)
  // Whole-half stores: the next access to this granule (often the very next one, the neighbouring
  // element) loads each half with one 16-byte load, which a 4-byte store still in the store buffer
  // could not forward to; that stall cost more than these few extra instructions.
  _mm_storeu_si128(reinterpret_cast<__m128i *>(cell.hi),
                   with_lane(hi, victim, (uint32_t)(cur >> 32)));
  _mm_storeu_si128(reinterpret_cast<__m128i *>(cell.lo), with_lane(lo, victim, (uint32_t)cur));
#else
  cell_store(cell, (int)victim, cur);
#endif
  return OwnRecord{&cold[victim], false};
}

/// The same check for a whole slot (tests, and the general path): records it, cold half included.
bool shadow_access(uintptr_t granule, const ShadowSlot &cur, const VectorClock &vc,
                   ShadowSlot *conflict);

/// Forgets every granule in [lo, hi) (memory freed or unmapped).
void shadow_erase_range(uintptr_t lo, uintptr_t hi);

/// Number of shadow pages currently mapped (memory-bound tests).
size_t shadow_page_count();

/// Mask for `size` bytes at `addr` within its granule (size clipped to the granule).
inline uint8_t granule_mask(uintptr_t addr, size_t size) {
  unsigned off = addr & 7;
  size_t n = size > 8 - off ? 8 - off : size;
  return (uint8_t)(((1u << n) - 1) << off);
}

} // namespace weft
