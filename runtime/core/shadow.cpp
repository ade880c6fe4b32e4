// Shadow pages and the FastTrack-style check; see shadow.h.
#include "core/shadow.h"
#include "internal/addr_map.h"

namespace weft {
namespace {

constexpr unsigned kPageShift = 12;
constexpr unsigned kCellsPerPage = 1u << (kPageShift - 3);

struct Cell {
  ShadowSlot slots[kSlotsPerCell];
};

struct Page {
  Cell cells[kCellsPerPage];
  uint8_t evict[kCellsPerPage]; // round-robin victim when all four slots are live
};

struct Shadow {
  AddrMap<Page> pages; // key: page number + 1 (keys must be non-zero)
  uintptr_t last_key;  // one-entry cache: only the baton holder touches the shadow
  Page *last_page;
};
Shadow g_shadow;

Page *page_for(uintptr_t addr, bool create) {
  uintptr_t key = (addr >> kPageShift) + 1;
  if (key == g_shadow.last_key) return g_shadow.last_page;
  Page *p = g_shadow.pages.find(key);
  if (!p) {
    if (!create) return nullptr;
    p = static_cast<Page *>(arena_alloc(sizeof(Page)));
    g_shadow.pages.insert(key, p);
  }
  g_shadow.last_key = key;
  g_shadow.last_page = p;
  return p;
}

inline bool happens_before(const ShadowSlot &s, const VectorClock &vc) { return s.clock <= vc.get(s.tid); }

} // namespace

bool shadow_access(uintptr_t granule, const ShadowSlot &cur, const VectorClock &vc, ShadowSlot *conflict) {
  Page *page = page_for(granule, true);
  unsigned idx = (granule >> 3) & (kCellsPerPage - 1);
  Cell *c = &page->cells[idx];
  bool raced = false;
  int replace = -1;
  int empty = -1;
  const bool w = cur.flags & kSlotWrite;
  for (int i = 0; i < kSlotsPerCell; ++i) {
    ShadowSlot &s = c->slots[i];
    if (!(s.flags & kSlotValid)) {
      if (empty < 0) empty = i;
      continue;
    }
    if (s.tid == cur.tid) {
      // Same thread: a newer access of the same bytes and at least as strong subsumes the slot.
      if (s.mask == cur.mask && (w || !(s.flags & kSlotWrite)) && replace < 0) {
        if (s.clock == cur.clock && s.pc == cur.pc && s.flags == (cur.flags | kSlotValid) && s.stack == cur.stack)
          return raced; // exactly what is already recorded: nothing new to check or store
        replace = i;
      }
      continue;
    }
    if ((s.mask & cur.mask) == 0) continue;
    const bool sw = s.flags & kSlotWrite;
    const bool hb = happens_before(s, vc);
    if (!raced && (sw || w) && !((s.flags & kSlotAtomic) && (cur.flags & kSlotAtomic)) && !hb) {
      raced = true;
      *conflict = s;
    }
    // A write that the slot's access happens-before, covering its bytes, makes the slot redundant.
    if (hb && w && (s.mask & ~cur.mask) == 0 && replace < 0) replace = i;
  }
  int victim = replace >= 0 ? replace : empty;
  if (victim < 0) victim = page->evict[idx]++ % kSlotsPerCell;
  c->slots[victim] = cur;
  c->slots[victim].flags |= kSlotValid;
  return raced;
}

void shadow_erase_range(uintptr_t lo, uintptr_t hi) {
  lo &= ~(uintptr_t)7;
  if (g_shadow.pages.count == 0 || hi <= lo) return;
  uintptr_t page_bytes = (uintptr_t)1 << kPageShift;
  for (uintptr_t a = lo; a < hi;) {
    uintptr_t page_start = a & ~(page_bytes - 1), page_end = page_start + page_bytes;
    uintptr_t end = hi < page_end ? hi : page_end;
    if (a == page_start && end == page_end) {
      // The whole page is gone: drop its shadow.
      uintptr_t key = (a >> kPageShift) + 1;
      if (Page *p = g_shadow.pages.erase(key)) {
        if (g_shadow.last_key == key) g_shadow.last_key = 0;
        arena_free(p, sizeof(Page));
      }
    } else if (Page *p = page_for(a, false)) {
      for (uintptr_t g = a; g < end; g += 8) {
        Cell &c = p->cells[(g >> 3) & (kCellsPerPage - 1)];
        for (ShadowSlot &s : c.slots) s.flags = 0;
      }
    }
    a = end;
  }
}

size_t shadow_page_count() { return g_shadow.pages.count; }

} // namespace weft
