// Lock misuse that is undefined behaviour or a certain hang: a thread re-locking a non-recursive
// mutex it holds (reported instead of hanging, which is what TSan and Helgrind do), unlocking a
// mutex it does not hold, destroying a held mutex. Ends the run.
#include "core/events.h"
#include "detectors/detectors.h"

namespace weft {

void report_misuse(ThreadState *t, const char *rule, uintptr_t lock, const char *op, const char *text) {
  steps_flush();
  Line l;
  l.len = 0;
  l.str("finding rule=").str(rule).key("tid").dec(t->tid).key("addr").hex(lock).key("size").dec(0);
  l.key("text").str(text);
  emit(l, true);
  l.str("lock").key("tid").dec(t->tid).key("addr").hex(lock).key("op").str(op).key("stack");
  append_stack(l, t, t->op_pc);
  emit(l, true);
  for (uint32_t i = 0; i < t->held.size; ++i) {
    if (t->held[i].addr != lock) continue;
    l.str("lock").key("tid").dec(t->tid).key("addr").hex(lock).key("op").str("acquire").key("stack");
    append_depot_stack(l, 0, t->held[i].stack);
    emit(l, true);
  }
  l.str("end-finding");
  emit(l, true);
  finish_with_finding();
}

} // namespace weft
