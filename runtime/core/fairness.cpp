// Fair scheduling; see fairness.h.
#include "core/fairness.h"

namespace weft {
namespace {

/// The value a load of `size` bytes at addr returns (folded to 64 bits): only compared for
/// equality with the thread's previous load of the same address.
uint64_t loaded_value(const volatile void *addr, size_t size) {
  const char *p = const_cast<const char *>(static_cast<const volatile char *>(addr));
  uint64_t v = 0;
  if (size >= 16) {
    uint64_t hi;
    __builtin_memcpy(&v, p, 8);
    __builtin_memcpy(&hi, p + 8, 8);
    return v ^ (hi * 0x9e3779b97f4a7c15ull);
  }
  __builtin_memcpy(&v, p, size < 8 ? size : 8);
  return v;
}

} // namespace

void note_poll(ThreadState *t, uint32_t weight) {
  uint64_t others = others_progress(t);
  if (t->poll_progress != others) {
    t->poll_progress = others;
    t->poll_count = 0;
  }
  t->poll_count += weight;
}

void note_load(ThreadState *t, const volatile void *addr, size_t size) {
  uintptr_t a = reinterpret_cast<uintptr_t>(addr);
  uint64_t v = loaded_value(addr, size);
  LoadMemo &m = t->loads;
  ++m.clock;
  uint32_t i = m.last; // a spin loop reads the same address again: try the last entry first
  if (m.addr[i] != a) {
    uint32_t oldest = 0;
    for (i = 0; i < kLoadMemoSize && m.addr[i] != a; ++i)
      if (m.used[i] < m.used[oldest])
        oldest = i;
    if (i == kLoadMemoSize) {
      // A first look at addr (or one forgotten): not a poll. The least recently read entry goes,
      // which depends only on the order of the thread's loads, never on the addresses' values.
      m.addr[oldest] = a;
      m.value[oldest] = v;
      m.used[oldest] = m.clock;
      m.last = oldest;
      return;
    }
  }
  m.used[i] = m.clock;
  m.last = i;
  if (m.value[i] == v)
    note_poll(t); // the same value again: it is waiting for someone else
  else
    m.value[i] = v;
}

int32_t starved_thread(const ThreadState *self) {
  int32_t best = -1;
  uint64_t best_mark = 0;
  for (uint32_t i = 0; i < g_rt.enabled.size; ++i) {
    const ThreadState *u = g_rt.threads[g_rt.enabled[i]];
    if (u == self || g_rt.steps - u->sched_mark <= kStarvationBound)
      continue;
    if (best < 0 || u->sched_mark < best_mark)
      best = (int32_t)u->tid, best_mark = u->sched_mark;
  }
  return best;
}

const Tid *fair_choices(uint32_t *n) {
  SmallVector<Tid> &out = g_rt.fair_enabled;
  out.clear();
  for (uint32_t i = 0; i < g_rt.enabled.size; ++i)
    if (!is_yielding(g_rt.threads[g_rt.enabled[i]]))
      out.push_back(g_rt.enabled[i]);
  if (out.size == 0 || out.size == g_rt.enabled.size) {
    *n = g_rt.enabled.size; // nobody to prefer: every enabled thread may run
    return g_rt.enabled.data;
  }
  *n = out.size;
  return out.data;
}

} // namespace weft
