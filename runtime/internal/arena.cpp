// Size-class arena on raw mmap; see arena.h for why the runtime does not use malloc.
#include "internal/arena.h"
#include "internal/syscall.h"

namespace weft {
namespace {

constexpr size_t kMinShift = 4;            // 16 bytes
constexpr size_t kMaxSmallShift = 16;      // 64 KiB; bigger blocks are their own mapping
constexpr size_t kChunk = 1u << 20;

struct FreeNode { FreeNode *next; };

struct ArenaState {
  FreeNode *free_lists[kMaxSmallShift + 1];
  char *bump;
  char *bump_end;
  size_t mapped;
};
ArenaState g_arena; // zero-initialised static storage: no constructor

size_t class_of(size_t size) {
  size_t shift = kMinShift;
  while (((size_t)1 << shift) < size) ++shift;
  return shift;
}

void zero(void *p, size_t n) {
  volatile char *c = static_cast<volatile char *>(p); // volatile: no memset call emitted
  auto *w = reinterpret_cast<volatile uint64_t *>(p);
  size_t i = 0;
  for (; i + 8 <= n; i += 8) w[i / 8] = 0;
  for (; i < n; ++i) c[i] = 0;
}

} // namespace

void *arena_alloc(size_t size) {
  if (size == 0) size = 1;
  size_t shift = class_of(size);
  if (shift > kMaxSmallShift) {
    size_t bytes = (size + 4095) & ~(size_t)4095;
    g_arena.mapped += bytes;
    return sys::mmap_anon(bytes); // fresh mappings are zero
  }
  size_t bytes = (size_t)1 << shift;
  if (FreeNode *n = g_arena.free_lists[shift]) {
    g_arena.free_lists[shift] = n->next;
    zero(n, bytes);
    return n;
  }
  if (g_arena.bump == nullptr || (size_t)(g_arena.bump_end - g_arena.bump) < bytes) {
    char *c = static_cast<char *>(sys::mmap_anon(kChunk));
    if (!c) return nullptr;
    g_arena.mapped += kChunk;
    g_arena.bump = c;
    g_arena.bump_end = c + kChunk;
  }
  void *p = g_arena.bump;
  g_arena.bump += bytes;
  return p;
}

void arena_free(void *p, size_t size) {
  if (!p) return;
  if (size == 0) size = 1;
  size_t shift = class_of(size);
  if (shift > kMaxSmallShift) {
    size_t bytes = (size + 4095) & ~(size_t)4095;
    g_arena.mapped -= bytes;
    sys::munmap(p, bytes);
    return;
  }
  auto *n = static_cast<FreeNode *>(p);
  n->next = g_arena.free_lists[shift];
  g_arena.free_lists[shift] = n;
}

size_t arena_bytes_mapped() { return g_arena.mapped; }

} // namespace weft
