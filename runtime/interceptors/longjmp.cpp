// longjmp, _longjmp, siglongjmp and __longjmp_chk (the _FORTIFY_SOURCE one) resume a function
// higher up the stack without returning through the frames between: the shadow stack drops them
// too (their __tsan_func_exit never comes), so a later report's stack is the program's real one.
// The target's stack pointer is in the jmp_buf, mangled by glibc's pointer guard.
#include "interceptors/interceptor.h"
#include <setjmp.h>

namespace weft {
namespace {
#if defined(__x86_64__)
/// glibc x86-64 (sysdeps/unix/sysv/linux/x86_64/sysdep.h PTR_MANGLE): the saved rsp is xor'ed
/// with the thread's pointer guard (%fs:0x30) and rotated left by 17 bits.
uintptr_t jmp_buf_sp(const void *env) {
  constexpr int kJbRsp = 6; // __jmpbuf: rbx, rbp, r12, r13, r14, r15, rsp, pc
  uintptr_t mangled = static_cast<const uintptr_t *>(env)[kJbRsp];
  uintptr_t guard;
  asm("mov %%fs:0x30, %0" : "=r"(guard));
  return ((mangled >> 17) | (mangled << 47)) ^ guard;
}

void before_jump(const void *env) {
  ThreadState *t = t_thr;
  if (!t)
    return;
  const uintptr_t sp = jmp_buf_sp(env);
  const uintptr_t here = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
  // A jump goes up this thread's stack; anything else (a buffer of another stack, a corrupt one,
  // another libc's layout) leaves the shadow stack as it is.
  if (sp > here && sp - here < (uintptr_t(1) << 30))
    shadow_stack_unwind(t, sp);
}
#else
void before_jump(const void *) {}
#endif
} // namespace
} // namespace weft

using namespace weft;

#define WEFT_JUMP_INTERCEPTOR(name)                                                                \
  WEFT_INTERCEPTOR(void, name, struct __jmp_buf_tag *env, int value) {                             \
    before_jump(env);                                                                              \
    WEFT_REAL(name)(env, value);                                                                   \
    __builtin_unreachable();                                                                       \
  }

WEFT_JUMP_INTERCEPTOR(longjmp)
WEFT_JUMP_INTERCEPTOR(_longjmp)
WEFT_JUMP_INTERCEPTOR(siglongjmp)
WEFT_JUMP_INTERCEPTOR(__longjmp_chk)
