// Stack interning; see stack_depot.h.
#include "core/stack_depot.h"
#include "internal/addr_map.h"
#include "internal/hash.h"
#include "internal/small_vector.h"

namespace weft {
namespace {

struct Entry {
  Entry *next; // another stack with the same hash
  uint32_t id;
  uint32_t n;
  uintptr_t pcs[1]; // n entries
};

struct Depot {
  AddrMap<Entry> by_hash;       // hash (forced non-zero) -> chain
  SmallVector<Entry *> entries; // id - 1 -> entry
};
Depot g_depot;

} // namespace

uint32_t depot_put(const uintptr_t *pcs, uint32_t n) {
  if (n == 0) return 0;
  if (n > kMaxStackDepth) n = kMaxStackDepth;
  uint64_t h = 0x12345;
  for (uint32_t i = 0; i < n; ++i) h = hash64(h ^ pcs[i]);
  h |= 1;
  Entry *head = g_depot.by_hash.find(h);
  for (Entry *e = head; e; e = e->next) {
    bool same = e->n == n;
    for (uint32_t i = 0; same && i < n; ++i) same = e->pcs[i] == pcs[i];
    if (same) return e->id;
  }
  Entry *ne = static_cast<Entry *>(arena_alloc(sizeof(Entry) + n * sizeof(uintptr_t)));
  ne->n = n;
  for (uint32_t i = 0; i < n; ++i) ne->pcs[i] = pcs[i];
  g_depot.entries.push_back(ne);
  ne->id = g_depot.entries.size;
  if (head) {
    ne->next = head->next;
    head->next = ne;
  } else {
    g_depot.by_hash.insert(h, ne);
  }
  return ne->id;
}

const uintptr_t *depot_get(uint32_t id, uint32_t *n) {
  if (id == 0 || id > g_depot.entries.size) {
    *n = 0;
    return nullptr;
  }
  Entry *e = g_depot.entries[id - 1];
  *n = e->n;
  return e->pcs;
}

} // namespace weft
