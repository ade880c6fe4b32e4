// __assert_fail: keep the assertion's message for the `assertion-failure` finding that the SIGABRT
// handler writes (detectors/signals.cpp), then let glibc print it and abort as usual.
#include "detectors/detectors.h"
#include "interceptors/interceptor.h"

using namespace weft;

WEFT_INTERCEPTOR(void, __assert_fail, const char *assertion, const char *file, unsigned line, const char *function) {
  if (ThreadState *t = t_thr) t->op_pc = WEFT_RET_PC();
  set_assert_message(assertion, file, line, function);
  WEFT_REAL(__assert_fail)(assertion, file, line, function);
  __builtin_unreachable();
}
