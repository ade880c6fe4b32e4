// The plain-access part of the __tsan_* C ABI that g++ 12, clang 14 and clang 19 emit (FACTS.md,
// runtime.hooks.* tests): init, function entry/exit (the shadow stack), reads/writes of 1-16 bytes,
// unaligned, volatile and compound variants, ranges and vptr accesses (memory intrinsics:
// tsan_memory.cpp; TSan's annotations: tsan_annotations.cpp, tsan_mutex_annotations.cpp).
// The access pc is the hook's return address. A hook costs a
// TLS load and a branch when the thread is not under control, and runs the inline shadow check of
// detectors/access.h when it is.
#include "core/scheduler.h"
#include "detectors/access.h"

using namespace weft;

namespace {
__attribute__((always_inline)) inline void access(void *addr, size_t size, bool write,
                                                  uintptr_t pc) {
  ThreadState *t = t_thr;
  if (!t)
    return;
  if (const uint32_t state = access_state(t); __builtin_expect(state != 1, 0)) {
    if ((state & 0xffff) != 1) // not under control, or inside the runtime
      return;
    if (ignores(t, write))
      return on_ignored_access(t, pc);
  }
  on_plain_access(t, (uintptr_t)addr, size, write, pc);
}
} // namespace

WEFT_EXPORT void __tsan_init() { rt_init(); }

WEFT_EXPORT void __tsan_func_entry(void *pc) {
  ThreadState *t = t_thr;
  if (!t)
    return;
  if (t->depth < kShadowStackCap) {
    t->stack[t->depth] = (uintptr_t)pc;
    // The caller's stack pointer at this call: this hook's frame address plus the saved frame
    // pointer and the return address.
    t->stack_sp[t->depth] = reinterpret_cast<uintptr_t>(__builtin_frame_address(0)) + 16;
  }
  ++t->depth;
  t->stack_id_valid = false;
}

WEFT_EXPORT void __tsan_func_exit() {
  ThreadState *t = t_thr;
  if (!t || t->depth == 0)
    return;
  --t->depth;
  t->stack_id_valid = false;
  // The main thread's outermost instrumented function returns: that is `main` returning into the
  // C library, which calls exit (or a static constructor returning before main: a scheduling point
  // there is harmless). glibc's own call to exit does not go through the interposed `exit`, so
  // this is where the other threads get their chance to run before the process ends.
  if (__builtin_expect(t->depth == 0 && t->tid == 0, 0) && active_thread())
    exit_point(t, reinterpret_cast<uintptr_t>(__builtin_return_address(0)));
}

#define WEFT_ACCESS_HOOKS(n)                                                                       \
  WEFT_EXPORT void __tsan_read##n(void *a) { access(a, n, false, WEFT_PC()); }                     \
  WEFT_EXPORT void __tsan_write##n(void *a) { access(a, n, true, WEFT_PC()); }                     \
  WEFT_EXPORT void __tsan_unaligned_read##n(void *a) { access(a, n, false, WEFT_PC()); }           \
  WEFT_EXPORT void __tsan_unaligned_write##n(void *a) { access(a, n, true, WEFT_PC()); }           \
  WEFT_EXPORT void __tsan_volatile_read##n(void *a) { access(a, n, false, WEFT_PC()); }            \
  WEFT_EXPORT void __tsan_volatile_write##n(void *a) { access(a, n, true, WEFT_PC()); }            \
  WEFT_EXPORT void __tsan_unaligned_volatile_read##n(void *a) { access(a, n, false, WEFT_PC()); }  \
  WEFT_EXPORT void __tsan_unaligned_volatile_write##n(void *a) { access(a, n, true, WEFT_PC()); }  \
  WEFT_EXPORT void __tsan_read##n##_pc(void *a, void *pc) { access(a, n, false, (uintptr_t)pc); }  \
  WEFT_EXPORT void __tsan_write##n##_pc(void *a, void *pc) { access(a, n, true, (uintptr_t)pc); }  \
  WEFT_EXPORT void __tsan_read_write##n(void *a) { access(a, n, true, WEFT_PC()); }                \
  WEFT_EXPORT void __tsan_unaligned_read_write##n(void *a) { access(a, n, true, WEFT_PC()); }

// __tsan_read_write*: a read-modify-write of one location (clang's
// -mllvm -tsan-compound-read-before-write=1): one write, which conflicts with all the read would.
#define WEFT_PC() reinterpret_cast<uintptr_t>(__builtin_return_address(0))

WEFT_ACCESS_HOOKS(1)
WEFT_ACCESS_HOOKS(2)
WEFT_ACCESS_HOOKS(4)
WEFT_ACCESS_HOOKS(8)
WEFT_ACCESS_HOOKS(16)

WEFT_EXPORT void __tsan_read_range(void *a, unsigned long size) {
  if (ThreadState *t = active_thread())
    on_range(t, (uintptr_t)a, size, false, WEFT_PC());
}
WEFT_EXPORT void __tsan_write_range(void *a, unsigned long size) {
  if (ThreadState *t = active_thread())
    on_range(t, (uintptr_t)a, size, true, WEFT_PC());
}
WEFT_EXPORT void __tsan_read_range_pc(void *a, unsigned long size, void *pc) {
  if (ThreadState *t = active_thread())
    on_range(t, (uintptr_t)a, size, false, (uintptr_t)pc);
}
WEFT_EXPORT void __tsan_write_range_pc(void *a, unsigned long size, void *pc) {
  if (ThreadState *t = active_thread())
    on_range(t, (uintptr_t)a, size, true, (uintptr_t)pc);
}

WEFT_EXPORT void __tsan_vptr_read(void **vptr_p) {
  access(vptr_p, sizeof(void *), false, WEFT_PC());
}
WEFT_EXPORT void __tsan_vptr_update(void **vptr_p, void *new_val) {
  // Only a change of the vptr is a write (constructors of a base re-store the same value).
  if (*vptr_p != new_val)
    access(vptr_p, sizeof(void *), true, WEFT_PC());
}
