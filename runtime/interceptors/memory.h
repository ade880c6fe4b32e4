// Memory intrinsics and free: resolved eagerly because they are called from everywhere, including
// from the dynamic linker's callers before the runtime starts.
#pragma once
#include <stddef.h>
#include <stdint.h>

namespace weft {
void memory_interceptors_init();
/// memcpy / memmove / memset as the program sees them: the source range is read and the destination
/// range written at `pc` (when the thread is under control), then the real operation runs.
void *checked_copy(void *d, const void *s, size_t n, uintptr_t pc);
void *checked_move(void *d, const void *s, size_t n, uintptr_t pc);
void *checked_set(void *d, int c, size_t n, uintptr_t pc);
} // namespace weft
