// Shadow memory: per 8-byte granule, up to four recent accesses (TSan keeps four shadow words per
// granule; FastTrack keeps a write epoch and a read epoch or read vector). Four slots let different
// threads touch different bytes of one granule, or read it concurrently, without forgetting the
// last write. Cells live in shadow pages (one per 4 KiB of program memory, allocated on first touch,
// found through a hash table with a one-entry cache), so neighbouring granules have neighbouring cells;
// memory is bounded by the memory touched, and freed memory's cells are cleared or their pages
// unmapped (see interceptors/memory.cpp).
#pragma once
#include "core/vector_clock.h"
#include <cstddef>
#include <cstdint>

namespace weft {

enum : uint8_t { kSlotValid = 1, kSlotWrite = 2, kSlotAtomic = 4 };

/// One remembered access: thread epoch (tid, clock), which bytes of the granule, what kind, where.
struct ShadowSlot {
  uint32_t clock;
  uint16_t tid;
  uint8_t mask;  ///< bit i = byte i of the granule
  uint8_t flags; ///< kSlot*
  uint32_t stack; ///< stack depot id of the enclosing frames (pc excluded)
  uint32_t size;  ///< size of the whole access (for the report)
  uintptr_t pc;
  uintptr_t addr; ///< start address of the whole access (for the report)
};

constexpr int kSlotsPerCell = 4;

/// Checks an access against the granule's slots, then records it. Returns true and copies the first
/// conflicting earlier access to *conflict when it races (not ordered by happens-before, different
/// threads, overlapping bytes, at least one write, not both atomic). `vc` is the accessor's clock.
bool shadow_access(uintptr_t granule, const ShadowSlot &cur, const VectorClock &vc, ShadowSlot *conflict);

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
