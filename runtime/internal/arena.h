// The runtime's allocator: mmap'd chunks carved into power-of-two size classes with free lists.
// Never calls malloc (the program's allocator may be mid-operation, or intercepted), never frees
// memory back to the kernel except for large blocks. Single-threaded by design: only the baton
// holder allocates.
#pragma once
#include <cstddef>
#include <cstdint>

namespace weft {

void *arena_alloc(size_t size);           ///< zeroed, 16-byte aligned
void arena_free(void *p, size_t size);    ///< size as passed to arena_alloc
size_t arena_bytes_mapped();              ///< for tests and memory bounds

template <class T> T *arena_new_array(size_t n) { return static_cast<T *>(arena_alloc(n * sizeof(T))); }

} // namespace weft
