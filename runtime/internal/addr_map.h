// Open-addressing hash map from a non-zero uintptr_t key to a pointer, in the arena; linear probing
// with backward-shift deletion so erasing (free, destroy) leaves no tombstones. Plain data.
#pragma once
#include "internal/arena.h"
#include "internal/hash.h"
#include <cstdint>

namespace weft {

template <class V> struct AddrMap {
  struct Slot { uintptr_t key; V *value; };
  Slot *slots;
  uint32_t mask; // capacity - 1, or 0 when unallocated
  uint32_t count;

  V *find(uintptr_t key) const {
    if (!slots) return nullptr;
    for (uint32_t i = (uint32_t)hash64(key) & mask;; i = (i + 1) & mask) {
      if (slots[i].key == key) return slots[i].value;
      if (slots[i].key == 0) return nullptr;
    }
  }
  void insert(uintptr_t key, V *value) { // key must not be present
    if (!slots || (count + 1) * 4 > (mask + 1) * 3) grow();
    uint32_t i = (uint32_t)hash64(key) & mask;
    while (slots[i].key != 0) i = (i + 1) & mask;
    slots[i].key = key;
    slots[i].value = value;
    ++count;
  }
  V *erase(uintptr_t key) {
    if (!slots) return nullptr;
    uint32_t i = (uint32_t)hash64(key) & mask;
    while (slots[i].key != key) {
      if (slots[i].key == 0) return nullptr;
      i = (i + 1) & mask;
    }
    V *v = slots[i].value;
    // backward-shift deletion
    uint32_t j = i;
    for (;;) {
      j = (j + 1) & mask;
      if (slots[j].key == 0) break;
      uint32_t home = (uint32_t)hash64(slots[j].key) & mask;
      bool between = (i <= j) ? (i < home && home <= j) : (i < home || home <= j);
      if (between) continue;
      slots[i] = slots[j];
      i = j;
    }
    slots[i].key = 0;
    slots[i].value = nullptr;
    --count;
    return v;
  }
  uint32_t capacity() const { return slots ? mask + 1 : 0; }
  void grow() {
    uint32_t old_cap = capacity();
    Slot *old = slots;
    uint32_t cap = old_cap ? old_cap * 2 : 64;
    slots = arena_new_array<Slot>(cap);
    mask = cap - 1;
    count = 0;
    for (uint32_t i = 0; i < old_cap; ++i)
      if (old[i].key) insert(old[i].key, old[i].value);
    arena_free(old, old_cap * sizeof(Slot));
  }
};

} // namespace weft
