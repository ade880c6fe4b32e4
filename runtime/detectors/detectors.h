// The detectors' entry points, called by the hooks, interceptors and the scheduler.
#pragma once
#include "core/rt.h"
#include <cstddef>

namespace weft {

// races.cpp — happens-before data races on plain and atomic accesses
void on_access(ThreadState *t, uintptr_t addr, size_t size, bool write, bool atomic, uintptr_t pc);
void on_range(ThreadState *t, uintptr_t addr, size_t size, bool write, uintptr_t pc);
/// Loads WEFT_RACY_PCS_FILE into g_rt.racy_pcs (after the module map is known).
void load_racy_pcs(const char *path);

// benign_races.cpp — ranges declared benign by AnnotateBenignRaceSized: races in them are not
// reported. A bounded table; ranges inside freed memory are forgotten.
void benign_add(uintptr_t addr, size_t size);
bool benign_race(uintptr_t addr, size_t size); ///< does [addr, addr+size) touch a benign range?
void benign_forget_range(uintptr_t lo, uintptr_t hi);

// deadlock.cpp — nobody enabled, step bound
[[noreturn]] void report_deadlock(ThreadState *t);
[[noreturn]] void report_livelock(ThreadState *t);

// lock_order.cpp — lock graph; trylock acquisitions add no edges
void lock_acquired(ThreadState *t, uintptr_t lock, bool trylock, bool write, uintptr_t pc);
void lock_released(ThreadState *t, uintptr_t lock);

// misuse.cpp — rule is double-lock, unlock-not-held or destroy-while-held; ends the run
[[noreturn]] void report_misuse(ThreadState *t, const char *rule, uintptr_t lock, const char *op,
                                const char *text);

// signals.cpp — crash and assertion-failure findings
void install_crash_handlers();
/// An alternate signal stack for the calling thread, so a stack overflow still produces a finding.
void install_alt_stack();
void set_assert_message(const char *assertion, const char *file, unsigned line,
                        const char *function);
/// The message of the next abort's `assertion-failure` finding, as given (weft_fail).
void set_fail_message(const char *message);

// interceptors/exceptions.cpp — the exception std::terminate was called for
struct CurrentException {
  const char *type;     ///< mangled name of its type (`St13runtime_error`)
  const char *what;     ///< its what() when it is a std::exception, else null
  uint32_t throw_stack; ///< depot id of the stack of its throw on this thread, 0 if unknown
};
/// The exception the calling thread is handling (as in std::terminate after an uncaught throw);
/// false when there is none or the program has no C++ runtime.
bool current_exception(ThreadState *t, CurrentException *out);

// shared by the reports: `threadstate` lines for every thread; the current thread's stack is
// current_pc, then current_caller when non-zero (the program's call into the library current_pc is
// in), then its shadow stack, or only `current_stack` (a depot id) when that is non-zero
void emit_thread_states(ThreadState *current, uintptr_t current_pc, uintptr_t current_caller = 0,
                        uint32_t current_stack = 0);

} // namespace weft
