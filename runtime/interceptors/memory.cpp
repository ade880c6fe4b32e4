// memcpy/memmove/memset: clang 14 and g++ leave them as libc calls (no __tsan hook), so the runtime
// intercepts them to check the ranges for races; clang 19's __tsan_memcpy & co.
// (interface/tsan_memory.cpp) do the same through checked_copy/move/set. free: the freed block's
// shadow and sync state is forgotten so a reused block does not inherit stale accesses (memory
// stays bounded by live state); realloc does the same for the old block when it moves. Before the
// real functions are resolved, byte loops through volatile pointers (never turned into calls).
#include "core/sync.h"
#include "core/shadow.h"
#include "detectors/detectors.h"
#include "interceptors/interceptor.h"
#include "interceptors/memory.h"
#include <malloc.h>
#include <sys/mman.h>
#include <stddef.h>

extern "C" void __libc_free(void *);
extern "C" void *__libc_realloc(void *, size_t);

namespace weft {
namespace {
using copy_fn = void *(*)(void *, const void *, size_t);
using set_fn = void *(*)(void *, int, size_t);
using free_fn = void (*)(void *);
using realloc_fn = void *(*)(void *, size_t);
copy_fn g_memcpy, g_memmove;
set_fn g_memset;
free_fn g_free;
realloc_fn g_realloc;

void *slow_move(void *d, const void *s, size_t n) {
  volatile char *dc = static_cast<volatile char *>(d);
  const volatile char *sc = static_cast<const volatile char *>(s);
  if (dc < sc)
    for (size_t i = 0; i < n; ++i) dc[i] = sc[i];
  else
    for (size_t i = n; i-- > 0;) dc[i] = sc[i];
  return d;
}
void *slow_set(void *d, int c, size_t n) {
  volatile char *dc = static_cast<volatile char *>(d);
  for (size_t i = 0; i < n; ++i) dc[i] = (char)c;
  return d;
}
} // namespace

void memory_interceptors_init() {
  g_memcpy = reinterpret_cast<copy_fn>(resolve_real("memcpy", nullptr));
  g_memmove = reinterpret_cast<copy_fn>(resolve_real("memmove", nullptr));
  g_memset = reinterpret_cast<set_fn>(resolve_real("memset", nullptr));
  g_free = reinterpret_cast<free_fn>(resolve_real("free", nullptr));
  g_realloc = reinterpret_cast<realloc_fn>(resolve_real("realloc", nullptr));
}

} // namespace weft

using namespace weft;

void *weft::checked_copy(void *d, const void *s, size_t n, uintptr_t pc) {
  if (ThreadState *t = active_thread(); t && n) {
    on_range(t, (uintptr_t)s, n, false, pc);
    on_range(t, (uintptr_t)d, n, true, pc);
  }
  return g_memcpy ? g_memcpy(d, s, n) : slow_move(d, s, n);
}

void *weft::checked_move(void *d, const void *s, size_t n, uintptr_t pc) {
  if (ThreadState *t = active_thread(); t && n) {
    on_range(t, (uintptr_t)s, n, false, pc);
    on_range(t, (uintptr_t)d, n, true, pc);
  }
  return g_memmove ? g_memmove(d, s, n) : slow_move(d, s, n);
}

void *weft::checked_set(void *d, int c, size_t n, uintptr_t pc) {
  if (ThreadState *t = active_thread(); t && n)
    on_range(t, (uintptr_t)d, n, true, pc);
  return g_memset ? g_memset(d, c, n) : slow_set(d, c, n);
}

WEFT_INTERPOSE void *memcpy(void *d, const void *s, size_t n) {
  return checked_copy(d, s, n, WEFT_RET_PC());
}
WEFT_INTERPOSE void *memmove(void *d, const void *s, size_t n) {
  return checked_move(d, s, n, WEFT_RET_PC());
}
WEFT_INTERPOSE void *memset(void *d, int c, size_t n) {
  return checked_set(d, c, n, WEFT_RET_PC());
}

namespace {
/// A freed block starts its next life with no history: shadow, sync objects, benign ranges.
void forget_block(uintptr_t a, uintptr_t n) {
  shadow_erase_range(a, a + n);
  sync_erase_range(a, a + n);
  benign_forget_range(a, a + n);
}
} // namespace

WEFT_INTERPOSE void free(void *p) {
  if (ThreadState *t = active_thread(); t && p) {
    RtScope scope(t);
    uintptr_t a = (uintptr_t)p, n = malloc_usable_size(p);
    forget_block(a, n);
  }
  if (g_free)
    g_free(p);
  else
    __libc_free(p);
}

WEFT_INTERCEPTOR(int, munmap, void *p, size_t n) {
  int r = WEFT_REAL(munmap)(p, n);
  if (ThreadState *t = active_thread(); t && r == 0) {
    RtScope scope(t);
    forget_block((uintptr_t)p, n); // the next mmap may hand the same pages out again
  }
  return r;
}

WEFT_INTERPOSE void *realloc(void *p, size_t n) {
  ThreadState *t = active_thread();
  uintptr_t old = (uintptr_t)p, old_size = (t && p) ? malloc_usable_size(p) : 0;
  void *r = g_realloc ? g_realloc(p, n) : __libc_realloc(p, n);
  if (t && p && r && r != p) {
    RtScope scope(t);
    forget_block(old, old_size);
  }
  return r;
}
