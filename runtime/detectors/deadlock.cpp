// Deadlock (no thread enabled, some unfinished, none in an unmodelled system call) and livelock (the
// step bound): both end the run with every thread's state, so a hang becomes a report.
#include "core/events.h"
#include "detectors/detectors.h"

namespace weft {

void emit_thread_states(ThreadState *current, uintptr_t current_pc, uintptr_t current_caller,
                        uint32_t current_stack) {
  Line l;
  l.len = 0;
  for (uint32_t i = 0; i < g_rt.threads.size; ++i) {
    ThreadState *t = g_rt.threads[i];
    const char *state = t == current                     ? "running"
                        : t->status == Status::Finished  ? "finished"
                        : t->status == Status::Blocked   ? "blocked"
                        : t->status == Status::InSyscall ? "in-syscall"
                                                         : "runnable";
    l.str("threadstate").key("tid").dec(t->tid).key("state").str(state).key("stack");
    if (t == current && current_stack)
      append_depot_stack(l, 0, current_stack);
    else
      append_stack(l, t, t == current ? current_pc : t->op_pc, t == current ? current_caller : 0);
    emit(l, true);
  }
}

void report_deadlock(ThreadState *t) {
  steps_flush();
  Line l;
  l.len = 0;
  uint32_t blocked = 0;
  for (uint32_t i = 0; i < g_rt.threads.size; ++i) blocked += g_rt.threads[i]->status == Status::Blocked;
  l.str("finding rule=deadlock").key("tid").dec(t->tid).key("addr").hex(t->block_addr).key("size").dec(0);
  l.key("text").str("deadlock: ").dec(blocked).str(" thread").str(blocked == 1 ? " is" : "s are");
  l.str(" blocked and no thread can run");
  emit(l, true);
  for (uint32_t i = 0; i < g_rt.threads.size; ++i) {
    ThreadState *w = g_rt.threads[i];
    if (w->status != Status::Blocked) continue;
    l.str("blocked").key("tid").dec(w->tid).key("addr").hex(w->block_addr).key("op").str(block_op_name(w->block_op));
    l.key("stack");
    append_stack(l, w, w->op_pc);
    emit(l, true);
  }
  l.str("end-finding");
  emit(l, true);
  finish_with_finding();
}

void report_livelock(ThreadState *t) {
  steps_flush();
  Line l;
  l.len = 0;
  l.str("finding rule=livelock").key("tid").dec(t->tid).key("addr").hex(0).key("size").dec(0);
  l.key("text").str("the run exceeded ").dec(g_rt.max_steps).str(" scheduling steps without finishing");
  emit(l, true);
  emit_thread_states(t, t->op_pc);
  l.str("end-finding");
  emit(l, true);
  finish_with_finding();
}

} // namespace weft
