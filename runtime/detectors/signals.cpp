// Crashes and failed assertions: handlers for SIGSEGV/SIGBUS/SIGFPE/SIGILL/SIGABRT write a `crash`
// or `assertion-failure` finding (message from the intercepted __assert_fail) with the thread's stack
// and every thread's state, then restore the default action and re-raise, so the program still dies
// the way it would have. Everything here is async-signal-safe (raw write, no allocation).
#include "core/events.h"
#include "detectors/detectors.h"
#include "internal/arena.h"
#include "internal/syscall.h"
#include <signal.h>
#include <ucontext.h>

namespace weft {
namespace {

struct AssertInfo {
  char text[1024];
  uint32_t len;
  bool set;
};
AssertInfo g_assert;

void append(const char *s) {
  while (s && *s && g_assert.len < sizeof(g_assert.text) - 1) {
    char c = *s++;
    g_assert.text[g_assert.len++] = c == '\n' ? ' ' : c;
  }
}

const char *signal_name(int sig) {
  switch (sig) {
  case SIGSEGV: return "SIGSEGV (segmentation fault)";
  case SIGBUS: return "SIGBUS (bus error)";
  case SIGFPE: return "SIGFPE (arithmetic exception)";
  case SIGILL: return "SIGILL (illegal instruction)";
  case SIGABRT: return "SIGABRT (abort)";
  default: return "signal";
  }
}

/// A fault inside a library the program called (libc's strlen(NULL)): the program's call into it,
/// the innermost frame of the program, found on the machine stack (the shadow stack has only the
/// calls into the program's functions). 0 when the fault is in the program or near the stack
/// pointer (an overflow: the words above it may not be mapped).
uintptr_t library_caller(ThreadState *t, int sig, const siginfo_t *si, const ucontext_t *uc,
                         uintptr_t pc) {
  if (!t || !uc || sig == SIGABRT || t->in_rt > 0)
    return 0;
  const uintptr_t sp = (uintptr_t)uc->uc_mcontext.gregs[REG_RSP];
  const uintptr_t addr = (uintptr_t)si->si_addr;
  if (sig == SIGSEGV && addr + 65536 > sp && addr < sp + 4096)
    return 0;
  return program_call_site(t, pc, reinterpret_cast<const void *>(sp));
}

void on_crash(int sig, siginfo_t *si, void *ctx) {
  ThreadState *t = t_thr;
  uintptr_t pc = 0;
  if (ctx && sig != SIGABRT) pc = (uintptr_t)static_cast<ucontext_t *>(ctx)->uc_mcontext.gregs[REG_RIP];
  const uintptr_t caller = library_caller(t, sig, si, static_cast<const ucontext_t *>(ctx), pc);
  steps_flush();
  Line l;
  l.len = 0;
  bool assertion = sig == SIGABRT && g_assert.set;
  l.str("finding rule=").str(assertion ? "assertion-failure" : "crash").key("tid").dec(t ? t->tid : 0);
  l.key("addr").hex(sig == SIGABRT ? 0 : (uintptr_t)si->si_addr).key("size").dec(0);
  // std::terminate for an uncaught exception aborts while the exception is being handled.
  CurrentException exc = {};
  bool uncaught = sig == SIGABRT && !assertion && current_exception(t, &exc);
  if (uncaught) {
    l.key("exception");
    for (const char *c = exc.type; *c > ' ' && l.len < 512; ++c) // a mangled name has no spaces
      l.ch(*c);
    l.key("what").dec(exc.what ? 1 : 0);
  }
  l.key("text");
  if (assertion) {
    g_assert.text[g_assert.len] = 0;
    l.str(g_assert.text);
  } else if (uncaught) {
    for (const char *c = exc.what; c && *c && l.len < 2048; ++c)
      l.ch(*c == '\n' || *c == '\r' ? ' ' : *c);
  } else {
    l.str(signal_name(sig));
  }
  emit(l, true);
  if (g_rt.initialized && t) {
    // Inside the runtime (an intercepted call handed a bad pointer: pthread_mutex_lock(NULL)),
    // the user's call site is the frame to show, not the model code that faulted on its behalf.
    if (t->in_rt > 0 && t->op_pc) pc = t->op_pc;
    // An uncaught exception is shown where it was thrown (terminate runs after the unwinder may
    // have left the frames between the throw and a noexcept boundary).
    emit_thread_states(t, pc ? pc : t->op_pc, caller, uncaught ? exc.throw_stack : 0);
  }
  l.str("end-finding");
  emit(l, true);
  struct sigaction dfl = {};
  dfl.sa_handler = SIG_DFL;
  sigaction(sig, &dfl, nullptr);
  // Re-raise at this thread; delivered when the handler returns (the signal is blocked meanwhile).
  sys::call6(sys::kTgkill, sys::getpid(), sys::call6(sys::kGettid), sig);
}

} // namespace

void install_alt_stack() {
  constexpr size_t kAltStack = 64 * 1024; // the handler formats lines of up to 4 KB on its stack
  stack_t ss = {};
  ss.ss_sp = arena_alloc(kAltStack);
  ss.ss_size = kAltStack;
  if (ss.ss_sp) sigaltstack(&ss, nullptr);
}

void install_crash_handlers() {
  const int sigs[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};
  for (int s : sigs) {
    struct sigaction sa = {};
    sa.sa_sigaction = on_crash;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigemptyset(&sa.sa_mask);
    sigaction(s, &sa, nullptr);
  }
}

void set_fail_message(const char *message) {
  g_assert.len = 0;
  append(message);
  g_assert.set = true;
}

void set_assert_message(const char *assertion, const char *file, unsigned line, const char *function) {
  g_assert.len = 0;
  append(file);
  append(":");
  char num[16];
  int n = 0;
  do { num[n++] = (char)('0' + line % 10); line /= 10; } while (line);
  char rev[17];
  for (int i = 0; i < n; ++i) rev[i] = num[n - 1 - i];
  rev[n] = 0;
  append(rev);
  append(": ");
  if (function) {
    append(function);
    append(": ");
  }
  append("Assertion `");
  append(assertion);
  append("' failed.");
  g_assert.set = true;
}

} // namespace weft
