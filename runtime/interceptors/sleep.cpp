// sleep/usleep/nanosleep/clock_nanosleep/sched_yield: scheduling points where the thread gives way
// (they count as polling for fair scheduling); no real time passes, so time-based programs explore
// interleavings instead of waiting.
#include "core/scheduler.h"
#include "interceptors/interceptor.h"
#include <sched.h>
#include <time.h>
#include <unistd.h>

namespace weft {
namespace {
constexpr uint32_t kYieldWeight = 4; // one yield is enough to give way
void yield_point(ThreadState *t) {
  note_poll(t, kYieldWeight);
  sched_point(t);
}
} // namespace
} // namespace weft

using namespace weft;

WEFT_INTERCEPTOR(int, sched_yield, void) {
  ThreadState *t = active_thread();
  if (!t) return WEFT_REAL(sched_yield)();
  RtScope scope(t, WEFT_RET_PC());
  yield_point(t);
  return 0;
}

WEFT_INTERCEPTOR(unsigned, sleep, unsigned s) {
  ThreadState *t = active_thread();
  if (!t) return WEFT_REAL(sleep)(s);
  RtScope scope(t, WEFT_RET_PC());
  yield_point(t);
  return 0;
}

WEFT_INTERCEPTOR(int, usleep, useconds_t us) {
  ThreadState *t = active_thread();
  if (!t) return WEFT_REAL(usleep)(us);
  RtScope scope(t, WEFT_RET_PC());
  yield_point(t);
  return 0;
}

WEFT_INTERCEPTOR(int, nanosleep, const struct timespec *req, struct timespec *rem) {
  ThreadState *t = active_thread();
  if (!t) return WEFT_REAL(nanosleep)(req, rem);
  RtScope scope(t, WEFT_RET_PC());
  yield_point(t);
  if (rem) rem->tv_sec = rem->tv_nsec = 0;
  return 0;
}

WEFT_INTERCEPTOR(int, clock_nanosleep, clockid_t c, int flags, const struct timespec *req, struct timespec *rem) {
  ThreadState *t = active_thread();
  if (!t) return WEFT_REAL(clock_nanosleep)(c, flags, req, rem);
  RtScope scope(t, WEFT_RET_PC());
  yield_point(t);
  if (rem) rem->tv_sec = rem->tv_nsec = 0;
  return 0;
}
