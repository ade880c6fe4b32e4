// Ranges the program declared benign with AnnotateBenignRaceSized (a statistics counter, a racy
// hint): a conflict inside one is neither reported nor learned as a choice point. The table is
// bounded: a program that annotates a field of every object it creates would otherwise grow it
// without end. Freed memory forgets its ranges (memory.cpp), the same (addr, size) is kept once,
// and when all kMaxBenign entries are taken the oldest gives way (docs/limits.md). Only
// conflicts look here, so a linear scan is enough.
#include "detectors/detectors.h"

namespace weft {
namespace {

constexpr uint32_t kMaxBenign = 1024;

struct BenignRange {
  uintptr_t lo, hi;
};

BenignRange g_benign[kMaxBenign]; // plain data: no constructor
uint32_t g_benign_count;
uint32_t g_benign_next; ///< the entry replaced next once the table is full (the oldest)

} // namespace

void benign_add(uintptr_t addr, size_t size) {
  if (size == 0)
    return;
  const BenignRange r{addr, addr + size};
  for (uint32_t i = 0; i < g_benign_count; ++i)
    if (g_benign[i].lo == r.lo && g_benign[i].hi == r.hi)
      return;
  if (g_benign_count < kMaxBenign) {
    g_benign[g_benign_count++] = r;
    return;
  }
  g_benign[g_benign_next] = r;
  g_benign_next = (g_benign_next + 1) % kMaxBenign;
}

bool benign_race(uintptr_t addr, size_t size) {
  for (uint32_t i = 0; i < g_benign_count; ++i)
    if (g_benign[i].lo < addr + size && addr < g_benign[i].hi)
      return true;
  return false;
}

void benign_forget_range(uintptr_t lo, uintptr_t hi) {
  uint32_t kept = 0;
  for (uint32_t i = 0; i < g_benign_count; ++i)
    if (g_benign[i].lo < lo || g_benign[i].hi > hi)
      g_benign[kept++] = g_benign[i];
  g_benign_count = kept;
  if (g_benign_next >= kept)
    g_benign_next = 0;
}

} // namespace weft
