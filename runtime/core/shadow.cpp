// Shadow pages and the general (whole-slot) access; the hot check is inline in shadow.h.
#include "core/shadow.h"
#include "internal/addr_map.h"

namespace weft {
namespace shadow_detail {

PageCache g_page_cache;

namespace {
AddrMap<Page> g_pages; // key: page number + 1 (keys must be non-zero)
} // namespace

Page *page_for_slow(uintptr_t addr) {
  uintptr_t key = (addr >> kPageShift) + 1;
  Page *p = g_pages.find(key);
  if (!p) {
    p = static_cast<Page *>(arena_alloc(sizeof(Page)));
    g_pages.insert(key, p);
  }
  g_page_cache.key = key;
  g_page_cache.page = p;
  g_page_cache.inline_key = g_page_cache.inline_allowed ? key : 0;
  return p;
}

} // namespace shadow_detail

using namespace shadow_detail;

ShadowCold *shadow_access_word(uintptr_t granule, uint64_t cur, uintptr_t pc, const VectorClock &vc,
                               ShadowConflicts *conflicts) {
  Page *page = page_for(granule);
  const unsigned idx = (granule >> 3) & (kCellsPerPage - 1);
  Cell &cell = page->cells[idx];
  const ShadowCold *cold = page->cold[idx];
  const uint32_t tid = word_tid(cur), clock = word_clock(cur);
  const uint8_t mask = word_mask(cur), flags = word_flags(cur);
  const bool w = flags & kSlotWrite, atomic = flags & kSlotAtomic;
  conflicts->count = 0;
  int replace = -1, empty = -1, sibling = -1;
  bool redundant = false, sibling_covers = false;
  for (int i = 0; i < kSlotsPerCell; ++i) {
    const uint64_t s = cell_word(cell, i);
    if (s == 0) {
      if (empty < 0)
        empty = i;
      continue;
    }
    const uint8_t sm = word_mask(s), sf = word_flags(s);
    const bool sw = sf & kSlotWrite;
    if (word_tid(s) == tid) {
      const bool same_epoch = word_clock(s) == clock;
      // Same thread, same epoch, covering these bytes, at least as strong: nothing new.
      const bool covers =
          same_epoch && (sm & mask) == mask && (sw || !w) && ((sf & kSlotAtomic) != 0) == atomic;
      // A newer access of the same bytes, at least as strong, subsumes the slot.
      const bool subsumes = sm == mask && (w || !sw);
      if (cold[i].pc != pc) { // a sibling: see shadow.h
        sibling_covers |= covers;
        if (subsumes && sibling < 0)
          sibling = i;
        continue;
      }
      if (covers)
        redundant = true;
      else if (subsumes && replace < 0)
        replace = i;
      continue;
    }
    if ((sm & mask) == 0)
      continue;
    const bool hb = word_clock(s) <= vc.get(word_tid(s));
    if (!hb && (sw || w) && !((sf & kSlotAtomic) && atomic)) {
      const ShadowCold &c = cold[i];
      conflicts->slot[conflicts->count++] = ShadowSlot{word_clock(s),
                                                       (uint16_t)word_tid(s),
                                                       sm,
                                                       sf,
                                                       c.stack,
                                                       c.size,
                                                       c.pc,
                                                       granule + (unsigned)__builtin_ctz(sm)};
    }
    // A write that the slot's access happens-before, covering its bytes, makes the slot redundant.
    if (hb && w && (sm & ~mask) == 0 && replace < 0)
      replace = i;
  }
  if (redundant) {
    conflicts->count = 0;
    return nullptr;
  }
  int victim = replace >= 0 ? replace : empty;
  if (victim < 0) {
    if (sibling_covers)
      return nullptr; // no room: detection needs nothing new, and nothing is evicted for a pc
    victim = sibling >= 0 ? sibling : page->evict[idx]++ % kSlotsPerCell;
  }
  cell_store(cell, victim, cur);
  return &page->cold[idx][victim];
}

bool shadow_access(uintptr_t granule, const ShadowSlot &cur, const VectorClock &vc,
                   ShadowSlot *conflict) {
  ShadowConflicts found;
  uint64_t word = shadow_word(cur.clock, cur.tid, cur.mask, cur.flags);
  if (ShadowCold *c = shadow_access_word(granule, word, cur.pc, vc, &found))
    *c = ShadowCold{cur.pc, cur.stack, cur.size};
  if (found.count)
    *conflict = found.slot[0];
  return found.count != 0;
}

void shadow_erase_range(uintptr_t lo, uintptr_t hi) {
  lo &= ~(uintptr_t)7;
  if (g_pages.count == 0 || hi <= lo)
    return;
  uintptr_t page_bytes = (uintptr_t)1 << kPageShift;
  for (uintptr_t a = lo; a < hi;) {
    uintptr_t page_start = a & ~(page_bytes - 1), page_end = page_start + page_bytes;
    uintptr_t end = hi < page_end ? hi : page_end;
    uintptr_t key = (a >> kPageShift) + 1;
    if (a == page_start && end == page_end) {
      // The whole page is gone: drop its shadow.
      if (Page *p = g_pages.erase(key)) {
        if (g_page_cache.key == key)
          g_page_cache = PageCache{0, nullptr, 0, g_page_cache.inline_allowed};
        arena_free(p, sizeof(Page));
      }
    } else if (Page *p = g_pages.find(key)) {
      for (uintptr_t g = a; g < end; g += 8)
        p->cells[(g >> 3) & (kCellsPerPage - 1)] = Cell{};
    }
    a = end;
  }
}

size_t shadow_page_count() { return g_pages.count; }

} // namespace weft
