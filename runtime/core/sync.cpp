// The sync-object table; see sync.h.
#include "core/sync.h"

namespace weft {
namespace {
AddrMap<SyncVar> g_sync;

void destroy(SyncVar *s) {
  s->clock.release_storage();
  arena_free(s, sizeof(SyncVar));
}
} // namespace

SyncVar *sync_find(uintptr_t addr) { return g_sync.find(addr); }

SyncVar *sync_get(uintptr_t addr) {
  SyncVar *s = g_sync.find(addr);
  if (!s) {
    s = static_cast<SyncVar *>(arena_alloc(sizeof(SyncVar)));
    s->addr = addr;
    s->owner = -1;
    g_sync.insert(addr, s);
  }
  return s;
}

void sync_erase(uintptr_t addr) {
  if (SyncVar *s = g_sync.erase(addr)) destroy(s);
}

void sync_erase_range(uintptr_t lo, uintptr_t hi) {
  if (g_sync.count == 0 || hi <= lo) return;
  if ((hi - lo) / 4 <= g_sync.capacity()) {
    for (uintptr_t a = lo & ~(uintptr_t)3; a < hi; a += 4) sync_erase(a);
    return;
  }
  for (uint32_t i = 0; i < g_sync.capacity();) {
    uintptr_t k = g_sync.slots[i].key;
    if (k >= lo && k < hi) {
      destroy(g_sync.erase(k));
      continue;
    }
    ++i;
  }
}

} // namespace weft
