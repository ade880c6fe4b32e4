// A growable array in the runtime's arena (std::vector would use the program's allocator). Plain
// data: zero-initialised is empty, so it can live in static storage without a constructor.
#pragma once
#include "internal/arena.h"
#include <cstdint>

namespace weft {

template <class T> struct SmallVector {
  T *data;
  uint32_t size;
  uint32_t cap;

  void reserve(uint32_t n) {
    if (n <= cap) return;
    uint32_t nc = cap ? cap : 4;
    while (nc < n) nc *= 2;
    T *nd = arena_new_array<T>(nc);
    for (uint32_t i = 0; i < size; ++i) nd[i] = data[i];
    arena_free(data, cap * sizeof(T));
    data = nd;
    cap = nc;
  }
  void push_back(const T &v) {
    if (size == cap) reserve(size + 1);
    data[size++] = v;
  }
  void erase_at(uint32_t i) {
    for (; i + 1 < size; ++i) data[i] = data[i + 1];
    --size;
  }
  void clear() { size = 0; }
  void release() {
    arena_free(data, cap * sizeof(T));
    data = nullptr;
    size = cap = 0;
  }
  T &operator[](uint32_t i) { return data[i]; }
  const T &operator[](uint32_t i) const { return data[i]; }
  T *begin() { return data; }
  T *end() { return data + size; }
};

} // namespace weft
