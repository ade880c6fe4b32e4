// The public weft_* hooks (include/weft/weft.h).
#include "core/scheduler.h"
#include "detectors/detectors.h"
#include <stdlib.h>

using namespace weft;

WEFT_EXPORT int weft_controlled(void) { return active_thread() != nullptr; }

WEFT_EXPORT void weft_yield(void) {
  if (ThreadState *t = active_thread()) {
    RtScope scope(t, reinterpret_cast<uintptr_t>(__builtin_return_address(0)));
    note_poll(t, 4);
    sched_point(t);
  }
}

WEFT_EXPORT void weft_fail(const char *message) {
  set_fail_message(message && *message ? message : "weft_fail");
  abort();
}
