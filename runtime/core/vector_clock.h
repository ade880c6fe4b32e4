// Vector clocks for happens-before (Lamport/Mattern; FastTrack's "VC"). Entry i is the last event of
// thread i known to the owner. Grows with the number of threads; storage in the arena.
#pragma once
#include "internal/arena.h"
#include <cstdint>

namespace weft {

using Tid = uint32_t;

struct VectorClock {
  uint32_t *v;
  uint32_t n;

  uint32_t get(Tid t) const { return t < n ? v[t] : 0; }
  void ensure(uint32_t size) {
    if (size <= n) return;
    uint32_t cap = n ? n : 4;
    while (cap < size) cap *= 2;
    uint32_t *nv = arena_new_array<uint32_t>(cap);
    for (uint32_t i = 0; i < n; ++i) nv[i] = v[i];
    arena_free(v, n * sizeof(uint32_t));
    v = nv;
    n = cap;
  }
  void set(Tid t, uint32_t c) {
    ensure(t + 1);
    v[t] = c;
  }
  /// this = max(this, o)   (acquire: the owner learns everything o knows)
  void join(const VectorClock &o) {
    ensure(o.n);
    for (uint32_t i = 0; i < o.n; ++i)
      if (o.v[i] > v[i]) v[i] = o.v[i];
  }
  /// Every event this clock knows is known by o.
  bool leq(const VectorClock &o) const {
    for (uint32_t i = 0; i < n; ++i)
      if (v[i] > o.get(i)) return false;
    return true;
  }
  void release_storage() {
    arena_free(v, n * sizeof(uint32_t));
    v = nullptr;
    n = 0;
  }
};

} // namespace weft
