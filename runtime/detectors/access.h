// The plain-access fast path, inlined into every __tsan_read*/__tsan_write* hook: an access that
// fits one granule, at a pc that is not a choice point, is checked against the shadow without a
// function call, a scheduling point or entering the runtime (nothing on this path can call an
// intercepted function). Everything else takes the general path, on_access() in races.cpp.
#pragma once
#include "core/shadow.h"
#include "detectors/detectors.h"

namespace weft {

/// Plain accesses since the last scheduling point after which a thread gives way (runaway loops).
constexpr uint32_t kQuietAccessLimit = 1u << 20;

/// The general check of one granule's access, out of line: another thread touched these bytes.
void on_shared_access(ThreadState *t, uintptr_t addr, size_t size, uint64_t word, uintptr_t pc);
/// A plain access the thread ignores (annotations): only counted towards the quiet-access limit.
void on_ignored_access(ThreadState *t, uintptr_t pc);
/// Fills a cold record when the thread's stack id must be computed first (out of line).
void fill_cold_slow(ThreadState *t, ShadowCold *cold, uintptr_t pc, size_t size);

/// The inline check of one access that fits a granule of the cached shadow page; everything that
/// needs more than the shadow is a tail call, so this stays a leaf function on the common path.
///
/// Only redundant and shared plain accesses count towards the quiet-access limit: a loop with no
/// scheduling point stays in one epoch, so from its second iteration on every access it repeats is
/// redundant (or, on a cell another thread touched, shared), and a loop that only ever records new
/// accesses is walking through memory, not waiting for another thread. `atomic` accesses come
/// right after their scheduling point, so they never count.
template <bool atomic>
__attribute__((always_inline)) inline void on_fast_access(ThreadState *t, uintptr_t addr,
                                                          size_t size, bool write, uintptr_t pc) {
  const uintptr_t granule = addr & ~(uintptr_t)7;
  if ((addr & 7) + size > 8 || !shadow_page_cached(granule) || (!atomic && maybe_racy_pc(pc)))
    return on_access(t, addr, size, write, atomic, pc);
  const uint8_t mask = (uint8_t)(((1u << size) - 1) << (addr & 7)); // fits the granule (above)
  const uint64_t word = t->epoch_word | (uint64_t)mask << 48 | (write ? kEpochWriteBit : 0) |
                        (atomic ? kEpochAtomicBit : 0);
  const OwnRecord r = shadow_record_own(granule, word, pc);
  if (__builtin_expect(r.shared, 0))
    return on_shared_access(t, addr, size, word, pc);
  if (!r.cold) {
    if (!atomic && __builtin_expect(++t->quiet_accesses > kQuietAccessLimit, 0))
      return on_access(t, addr, size, write, atomic, pc);
    return;
  }
  if (!t->stack_id_valid)
    return fill_cold_slow(t, r.cold, pc, size);
  *r.cold = ShadowCold{pc, t->stack_id, (uint32_t)size};
}

/// A plain (non-atomic) load or store of the program.
__attribute__((always_inline)) inline void on_plain_access(ThreadState *t, uintptr_t addr,
                                                           size_t size, bool write, uintptr_t pc) {
  on_fast_access<false>(t, addr, size, write, pc);
}

} // namespace weft
