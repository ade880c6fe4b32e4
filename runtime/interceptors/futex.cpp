// syscall(SYS_futex, ...): C++20 std::atomic::wait/notify, std::counting_semaphore, std::latch and
// std::barrier call it inline, so a serialising scheduler must model it or deadlock. FUTEX_WAIT
// (and _BITSET, _PRIVATE) blocks while the word still holds the expected value; FUTEX_WAKE wakes up to
// n waiters, longest first. Wake releases into the word's clock, a woken wait acquires it. Every
// other system call goes to the real syscall().
#include "core/scheduler.h"
#include "core/sync.h"
#include "interceptors/interceptor.h"
#include <errno.h>
#include <stdarg.h>
#include <sys/syscall.h>

namespace weft {
namespace {

long futex_model(ThreadState *t, long *a) {
  uintptr_t addr = (uintptr_t)a[0];
  int cmd = (int)(a[1] & ~(128 | 256)); // FUTEX_PRIVATE_FLAG, FUTEX_CLOCK_REALTIME
  switch (cmd) {
  case 0: // FUTEX_WAIT
  case 9: { // FUTEX_WAIT_BITSET
    sched_point(t);
    if (__atomic_load_n(reinterpret_cast<int *>(addr), __ATOMIC_SEQ_CST) != (int)a[2]) {
      note_poll(t);
      errno = EAGAIN;
      return -1;
    }
    t->futex_bitset = cmd == 9 ? (uint32_t)a[5] : 0xffffffffu;
    bool timed_out = sched_block(t, BlockOp::FutexWait, addr, a[3] != 0);
    t->futex_bitset = 0xffffffffu;
    if (timed_out) {
      errno = ETIMEDOUT;
      return -1;
    }
    sync_acquire(t, sync_get(addr));
    return 0;
  }
  case 1:    // FUTEX_WAKE
  case 10: { // FUTEX_WAKE_BITSET
    sched_point(t);
    sync_release(t, sync_get(addr));
    note_progress(t);
    uint32_t bits = cmd == 10 ? (uint32_t)a[5] : 0xffffffffu;
    long n = 0;
    while (n < a[2] && sched_wake_one(addr, bits)) ++n;
    return n;
  }
  default:
    return -2; // not modelled
  }
}

} // namespace
} // namespace weft

using namespace weft;

WEFT_INTERCEPTOR(long, syscall, long nr, ...) {
  va_list ap;
  va_start(ap, nr);
  long a[6];
  for (long &x : a) x = va_arg(ap, long);
  va_end(ap);
  if (nr == SYS_futex) {
    if (ThreadState *t = active_thread()) {
      RtScope scope(t, WEFT_RET_PC());
      long r = futex_model(t, a);
      if (r != -2) return r;
    }
  }
  return WEFT_REAL(syscall)(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
}
