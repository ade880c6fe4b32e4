// Happens-before race detection (FastTrack-style shadow in core/shadow.*): every instrumented
// access is checked against the granule's recent accesses; a race is reported once per pair of pcs.
// Every pc the detector sees in a race — the access and *every* earlier access it conflicts with,
// in every granule it touches, reported or not — becomes a choice point for the rest of this run
// (`racy pc=` tells the driver for later runs). Plain accesses at racy pcs are scheduling points:
// that is what makes a lost update reproducible, and learning all of them (not only the first pair)
// is what lets a strategy preempt a thread at a later racy access of the same variable.
// A conflict inside a range the program declared benign (AnnotateBenignRaceSized) is neither
// reported nor learned.
#include "core/events.h"
#include "core/scheduler.h"
#include "core/shadow.h"
#include "core/stack_depot.h"
#include "detectors/access.h"
#include "internal/hash.h"
#include "internal/syscall.h"

namespace weft {
namespace {

AddrMap<char> g_reported_pairs;
char g_mark; // value pointer for set-like AddrMaps

void mark_racy(uintptr_t pc) {
  if (!add_racy_pc(pc))
    return;
  Line l;
  l.len = 0;
  l.str("racy").key("pc").hex(pc);
  emit(l);
}

bool stale_stack_slot(const ShadowSlot &s) {
  // An access by a finished thread to its own stack, now reused by a new thread's stack.
  if (s.tid >= g_rt.threads.size)
    return false;
  ThreadState *o = g_rt.threads[s.tid];
  return o->status == Status::Finished && s.addr >= o->stack_lo && s.addr < o->stack_hi;
}

void report_race(ThreadState *t, const ShadowSlot &cur, const ShadowSlot &prev) {
  uintptr_t a = cur.pc < prev.pc ? cur.pc : prev.pc, b = cur.pc < prev.pc ? prev.pc : cur.pc;
  uint64_t key = hash64(a * 31 + hash64(b)) | 1;
  if (g_reported_pairs.find(key))
    return;
  g_reported_pairs.insert(key, &g_mark);
  steps_flush();
  Line l;
  l.len = 0;
  l.str("finding rule=data-race")
      .key("tid")
      .dec(t->tid)
      .key("addr")
      .hex(cur.addr)
      .key("size")
      .dec(cur.size);
  l.key("text")
      .str("data race: ")
      .str(cur.flags & kSlotWrite ? "write" : "read")
      .str(" of size ")
      .dec(cur.size);
  l.str(" by thread ")
      .dec(t->tid)
      .str(" races with a previous ")
      .str(prev.flags & kSlotWrite ? "write" : "read");
  l.str(" of size ").dec(prev.size).str(" by thread ").dec(prev.tid);
  emit(l, true);
  const ShadowSlot *acc[2] = {&cur, &prev};
  for (const ShadowSlot *s : acc) {
    l.str("access").key("tid").dec(s->tid).key("write").dec(s->flags & kSlotWrite ? 1 : 0);
    l.key("atomic")
        .dec(s->flags & kSlotAtomic ? 1 : 0)
        .key("addr")
        .hex(s->addr)
        .key("size")
        .dec(s->size);
    l.key("stack");
    append_depot_stack(l, s->pc, s->stack);
    emit(l, true);
  }
  l.str("end-finding");
  emit(l, true);
}

/// The access at `pc` raced with `found` in one granule: all of them become choice points, and the
/// first is reported unless `*reported` (one report per access; the other granules only teach).
void on_race(ThreadState *t, uint64_t word, uintptr_t pc, uintptr_t addr, size_t size,
             const ShadowConflicts &found, bool *reported) {
  using namespace shadow_detail;
  const ShadowSlot *first = nullptr;
  for (unsigned i = 0; i < found.count; ++i)
    if (!stale_stack_slot(found.slot[i])) {
      mark_racy(pc);
      mark_racy(found.slot[i].pc);
      if (!first)
        first = &found.slot[i];
    }
  if (*reported || !first)
    return;
  *reported = true;
  ShadowSlot cur{word_clock(word),
                 (uint16_t)t->tid,
                 word_mask(word),
                 word_flags(word),
                 thread_stack_id(t),
                 (uint32_t)size,
                 pc,
                 addr};
  report_race(t, cur, *first);
}

} // namespace

void on_access(ThreadState *t, uintptr_t addr, size_t size, bool write, bool atomic, uintptr_t pc) {
  RtScope scope(t);
  if (!atomic && g_rt.racy_pcs.count && g_rt.racy_pcs.find(pc)) {
    t->op_pc = pc;
    sched_point(t);
    if (write)
      note_progress(t);
    else
      note_load(t, reinterpret_cast<const void *>(addr), size); // the value it is about to read
  } else if (++t->quiet_accesses > kQuietAccessLimit) {
    // A loop with no scheduling point in it (e.g. spinning on a plain flag whose race has not been
    // seen yet) would never let the other threads run: after this many accesses it gives way.
    t->op_pc = pc;
    note_poll(t, 4);
    sched_point(t);
  }
  // While the program has a single thread nothing can race: every later thread is created after
  // (happens-after) these accesses. Skipping them keeps start-up and setup phases cheap.
  if (g_rt.threads.size == 1)
    return;
  const uint8_t flags = (uint8_t)((write ? kSlotWrite : 0) | (atomic ? kSlotAtomic : 0));
  const uint32_t clock = t->vc.get(t->tid);
  const uintptr_t end = addr + size;
  bool reported = false; // one report per access is enough; the other granules are still recorded
  for (uintptr_t g = addr & ~(uintptr_t)7; g < end; g += 8) {
    uintptr_t lo = g > addr ? g : addr;
    uint64_t word = shadow_word(clock, t->tid, granule_mask(lo, end - lo), flags);
    ShadowConflicts found;
    if (ShadowCold *c = shadow_access_word(g, word, pc, t->vc, &found))
      *c = ShadowCold{pc, thread_stack_id(t), (uint32_t)size};
    if (found.count && !benign_race(lo, (end < g + 8 ? end : g + 8) - lo))
      on_race(t, word, pc, addr, size, found, &reported);
  }
}

void on_ignored_access(ThreadState *t, uintptr_t pc) {
  // Ignored accesses are not recorded, but a loop of them still must not keep the others from
  // running forever (as on_access's quiet-access limit).
  if (++t->quiet_accesses <= kQuietAccessLimit)
    return;
  RtScope scope(t, pc);
  note_poll(t, 4);
  sched_point(t);
}

void fill_cold_slow(ThreadState *t, ShadowCold *cold, uintptr_t pc, size_t size) {
  *cold = ShadowCold{pc, thread_stack_id(t), (uint32_t)size};
}

void on_shared_access(ThreadState *t, uintptr_t addr, size_t size, uint64_t word, uintptr_t pc) {
  using namespace shadow_detail;
  const bool atomic = word_flags(word) & kSlotAtomic;
  if (!atomic && t->quiet_accesses >= kQuietAccessLimit) // on_access counts it and gives way
    return on_access(t, addr, size, word_flags(word) & kSlotWrite, atomic, pc);
  if (!atomic)
    ++t->quiet_accesses;
  RtScope scope(t);
  ShadowConflicts found;
  if (ShadowCold *c = shadow_access_word(addr & ~(uintptr_t)7, word, pc, t->vc, &found))
    *c = ShadowCold{pc, thread_stack_id(t), (uint32_t)size};
  if (found.count && !benign_race(addr, size)) {
    bool reported = false;
    on_race(t, word, pc, addr, size, found, &reported);
  }
}

void on_range(ThreadState *t, uintptr_t addr, size_t size, bool write, uintptr_t pc) {
  if (size == 0 || ignores(t, write))
    return;
  // Bound the cost of huge copies: check at most 64 KiB (the first part reports what is shared).
  if (size > 65536)
    size = 65536;
  on_access(t, addr, size, write, false, pc);
}

} // namespace weft
