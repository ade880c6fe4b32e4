// The memory-intrinsic hooks clang 19 emits where clang 14 and g++ call the libc function: an
// llvm.memcpy / memmove / memset (a struct copy, std::memcpy, a zeroing loop) becomes a call to
// __tsan_memcpy / __tsan_memmove / __tsan_memset. Each is the same access of the ranges as the libc
// interceptor, at the instrumented caller's pc, plus the operation itself.
#include "core/rt.h"
#include "interceptors/memory.h"

using namespace weft;

#define WEFT_PC() reinterpret_cast<uintptr_t>(__builtin_return_address(0))

WEFT_EXPORT void *__tsan_memcpy(void *d, const void *s, size_t n) {
  return checked_copy(d, s, n, WEFT_PC());
}
WEFT_EXPORT void *__tsan_memmove(void *d, const void *s, size_t n) {
  return checked_move(d, s, n, WEFT_PC());
}
WEFT_EXPORT void *__tsan_memset(void *d, int c, size_t n) {
  return checked_set(d, c, n, WEFT_PC());
}
