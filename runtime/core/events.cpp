// Event stream; see events.h and protocol.h.
#include "core/events.h"
#include "core/rt.h"
#include "internal/syscall.h"
#include "weft/protocol.h"

namespace weft {
namespace {
struct StepsBuf {
  char buf[Line::kCap];
  uint32_t len; // 0 = empty; otherwise starts with "steps"
};
StepsBuf g_steps;
} // namespace

void emit(Line &l, bool finding_part) {
  l.end();
  if (g_rt.event_fd >= 0)
    sys::write_all(g_rt.event_fd, l.buf, l.len);
  else if (finding_part && !g_rt.quiet)
    sys::write_all(2, l.buf, l.len);
  l.len = 0;
}

void steps_flush() {
  if (g_steps.len == 0) return;
  g_steps.buf[g_steps.len++] = '\n';
  if (g_rt.event_fd >= 0) sys::write_all(g_rt.event_fd, g_steps.buf, g_steps.len);
  g_steps.len = 0;
}

void steps_token(const char *tok, uint32_t len) {
  if (g_rt.event_fd < 0) return;
  if (g_steps.len + len + 2 >= Line::kCap) steps_flush();
  if (g_steps.len == 0) {
    const char *p = "steps";
    while (*p) g_steps.buf[g_steps.len++] = *p++;
  }
  g_steps.buf[g_steps.len++] = ' ';
  for (uint32_t i = 0; i < len; ++i) g_steps.buf[g_steps.len++] = tok[i];
}

void finish_with_finding() {
  steps_flush();
  sys::exit_group(WEFT_EXIT_FINDING);
}

} // namespace weft
