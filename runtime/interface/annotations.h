// Per-thread ignore state shared by TSan's annotation hooks (tsan_annotations.cpp,
// tsan_mutex_annotations.cpp). The counters live in ThreadState and only change on their own
// thread, so they are kept even while the thread is not under control (a thread's exit path), and
// begin/end stay balanced whatever the scheduler does.
#pragma once
#include "core/rt.h"

namespace weft {

inline void ignore_begin(ThreadState *t, bool reads, bool writes) {
  t->ignore_reads += reads;
  t->ignore_writes += writes;
  update_ignore_mask(t);
}

/// An end without its begin is ignored (the counters never wrap).
inline void ignore_end(ThreadState *t, bool reads, bool writes) {
  if (reads && t->ignore_reads)
    --t->ignore_reads;
  if (writes && t->ignore_writes)
    --t->ignore_writes;
  update_ignore_mask(t);
}

/// The program's own lock code runs (between pre_* and post_*, outside a divert): its accesses are
/// ignored and its atomics neither synchronise nor are scheduling points (tsan_atomics.cpp), as
/// TSan ignores them; the annotation is the synchronisation.
inline void mutex_region_enter(ThreadState *t) {
  if (t->mutex_region++ == 0)
    t->region_atomics = 0;
  ignore_begin(t, true, true);
}

inline void mutex_region_exit(ThreadState *t) {
  if (!t->mutex_region)
    return;
  --t->mutex_region;
  ignore_end(t, true, true);
}

} // namespace weft
