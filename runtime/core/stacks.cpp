// Turning a thread's shadow stack (from __tsan_func_entry/exit) into depot ids and `stack=` fields.
#include "core/rt.h"
#include "core/stack_depot.h"
#include "internal/format.h"

namespace weft {

namespace {
uint32_t collect(ThreadState *t, uintptr_t pc, uintptr_t *out) {
  uint32_t n = 0;
  if (pc) out[n++] = pc;
  uint32_t d = t->depth < kShadowStackCap ? t->depth : kShadowStackCap;
  while (d > 0 && n < kMaxStackDepth) out[n++] = t->stack[--d];
  return n;
}
} // namespace

uint32_t thread_stack_id_slow(ThreadState *t) {
  uintptr_t pcs[kMaxStackDepth];
  t->stack_id = depot_put(pcs, collect(t, 0, pcs));
  t->stack_id_valid = true;
  return t->stack_id;
}

uint32_t thread_stack_id_with_pc(ThreadState *t, uintptr_t pc) {
  uintptr_t pcs[kMaxStackDepth];
  return depot_put(pcs, collect(t, pc, pcs));
}

void append_stack(Line &l, ThreadState *t, uintptr_t pc) {
  uintptr_t pcs[kMaxStackDepth];
  uint32_t n = collect(t, pc, pcs);
  for (uint32_t i = 0; i < n; ++i) {
    if (i) l.ch(',');
    l.hex(pcs[i]);
  }
}

void append_depot_stack(Line &l, uintptr_t pc, uint32_t stack_id) {
  bool first = true;
  if (pc) {
    l.hex(pc);
    first = false;
  }
  uint32_t n;
  const uintptr_t *pcs = depot_get(stack_id, &n);
  for (uint32_t i = 0; i < n; ++i) {
    if (!first) l.ch(',');
    l.hex(pcs[i]);
    first = false;
  }
}

const char *block_op_name(BlockOp op) {
  switch (op) {
  case BlockOp::MutexLock: return "pthread_mutex_lock";
  case BlockOp::RwRead: return "pthread_rwlock_rdlock";
  case BlockOp::RwWrite: return "pthread_rwlock_wrlock";
  case BlockOp::CondWait: return "pthread_cond_wait";
  case BlockOp::Join: return "pthread_join";
  case BlockOp::Barrier: return "pthread_barrier_wait";
  case BlockOp::Once: return "pthread_once";
  case BlockOp::SpinLock: return "pthread_spin_lock";
  case BlockOp::SemWait: return "sem_wait";
  case BlockOp::FutexWait: return "futex_wait";
  case BlockOp::None: break;
  }
  return "none";
}

} // namespace weft
