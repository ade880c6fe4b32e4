// Turning a thread's shadow stack (from __tsan_func_entry/exit) into depot ids and `stack=` fields.
#include "core/rt.h"
#include "core/stack_depot.h"
#include "internal/format.h"

namespace weft {

namespace {
uint32_t collect(ThreadState *t, uintptr_t pc, uintptr_t *out) {
  uint32_t n = 0;
  if (pc)
    out[n++] = pc;
  uint32_t d = t->depth < kShadowStackCap ? t->depth : kShadowStackCap;
  while (d > 0 && n < kMaxStackDepth)
    out[n++] = t->stack[--d];
  return n;
}
} // namespace

uint32_t thread_stack_id_slow(ThreadState *t) {
  RtScope scope(t); // the depot may copy: its memcpy must not be checked as a program access
  uintptr_t pcs[kMaxStackDepth];
  t->stack_id = depot_put(pcs, collect(t, 0, pcs));
  t->stack_id_valid = true;
  return t->stack_id;
}

uint32_t thread_stack_id_with_pc(ThreadState *t, uintptr_t pc) {
  uintptr_t pcs[kMaxStackDepth];
  return depot_put(pcs, collect(t, pc, pcs));
}

void shadow_stack_unwind(ThreadState *t, uintptr_t sp) {
  // Entries past the cap have no stack pointer: they go when the deepest recorded one goes (they
  // are deeper still), and stay when it stays.
  if (t->depth > kShadowStackCap && t->stack_sp[kShadowStackCap - 1] >= sp)
    return;
  uint32_t d = t->depth < kShadowStackCap ? t->depth : kShadowStackCap;
  while (d > 0 && t->stack_sp[d - 1] < sp)
    --d;
  if (d != t->depth) {
    t->depth = d;
    t->stack_id_valid = false;
  }
}

void append_stack(Line &l, ThreadState *t, uintptr_t pc, uintptr_t caller) {
  uintptr_t pcs[kMaxStackDepth];
  uint32_t n = collect(t, pc, pcs);
  for (uint32_t i = 0; i < n; ++i) {
    if (i)
      l.ch(',');
    l.hex(pcs[i]);
    if (i == 0 && pc && caller)
      l.ch(',').hex(caller);
  }
}

extern "C" void *__libc_stack_end; // glibc: near the top of the main thread's stack

namespace {
bool in_program_text(uintptr_t a) {
  return a >= g_rt.program_text_lo + 8 && a < g_rt.program_text_hi;
}

/// The bytes before `ra` are a call instruction: call rel32, or an indirect call through a
/// register or memory operand (the encodings compilers emit for calls through the PLT or GOT).
bool follows_call(uintptr_t ra) {
  const uint8_t *c = reinterpret_cast<const uint8_t *>(ra);
  auto indirect = [](const uint8_t *op) { return op[0] == 0xff && (op[1] & 0x38) == 0x10; };
  return c[-5] == 0xe8 || indirect(c - 2) || indirect(c - 3) || indirect(c - 6) || indirect(c - 7);
}
} // namespace

uintptr_t program_call_site(ThreadState *t, uintptr_t pc, const void *frame) {
#if defined(__x86_64__)
  if (!g_rt.program_text_hi || in_program_text(pc))
    return 0;
  // The library (libstdc++'s std::thread, whose constructor the compiler inlined into the program)
  // is built without frame pointers and is not instrumented, so neither the frame chain nor the
  // shadow stack holds the program's call into it: scan the words above this frame for the first
  // return address into the program's code.
  const uintptr_t top = t->stack_hi ? t->stack_hi : reinterpret_cast<uintptr_t>(__libc_stack_end);
  const uintptr_t *p = static_cast<const uintptr_t *>(frame);
  for (int i = 0; i < 512; ++i, ++p) {
    if (reinterpret_cast<uintptr_t>(p + 1) > top)
      break;
    if (in_program_text(*p) && follows_call(*p))
      return *p;
  }
#else
  (void)t, (void)pc, (void)frame;
#endif
  return 0;
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
    if (!first)
      l.ch(',');
    l.hex(pcs[i]);
    first = false;
  }
}

const char *block_op_name(BlockOp op) {
  switch (op) {
  case BlockOp::MutexLock:
    return "pthread_mutex_lock";
  case BlockOp::RwRead:
    return "pthread_rwlock_rdlock";
  case BlockOp::RwWrite:
    return "pthread_rwlock_wrlock";
  case BlockOp::CondWait:
    return "pthread_cond_wait";
  case BlockOp::Join:
    return "pthread_join";
  case BlockOp::Barrier:
    return "pthread_barrier_wait";
  case BlockOp::Once:
    return "pthread_once";
  case BlockOp::SpinLock:
    return "pthread_spin_lock";
  case BlockOp::SemWait:
    return "sem_wait";
  case BlockOp::FutexWait:
    return "futex_wait";
  case BlockOp::AnnotatedLock:
    return "__tsan_mutex_pre_lock";
  case BlockOp::None:
    break;
  }
  return "none";
}

} // namespace weft
