// The rule catalogue. Sorted by id; adding a rule means one entry here and docs/rules/<id>.md.
#include "weft/report/Rules.h"

#include <algorithm>
#include <array>

namespace weft::report {
namespace {

constexpr std::array kRules = {
    RuleInfo{"assertion-failure", "AssertionFailure",
             "An assertion failed under this interleaving.",
             "The program aborted on a failed assert() (or abort()) in the schedule shown. The "
             "schedule in the report reproduces it with `weft replay`; look for the shared state "
             "the asserted condition reads and how another thread changed it.",
             Severity::Error},
    RuleInfo{"crash", "Crash", "The program crashed under this interleaving.",
             "The program was killed by a signal (segmentation fault, bus error...) in the "
             "schedule shown. Concurrency crashes usually come from a use after free or a "
             "container modified while another thread iterates it; replay the schedule under a "
             "debugger with `weft replay`.",
             Severity::Error},
    RuleInfo{"cv-wait-without-predicate", "CvWaitWithoutPredicate",
             "A condition variable is waited on without a predicate loop.",
             "wait() on a condition variable can wake up spuriously, and a notify sent before the "
             "wait is lost. Wait in a loop on the condition the notifier sets (or use the "
             "wait(lock, predicate) overload), with the condition's state guarded by the same "
             "mutex.",
             Severity::Warning},
    RuleInfo{"data-race", "DataRace",
             "Two threads access the same memory without synchronisation, and one of them writes.",
             "Two accesses to the same variable from different threads, at least one a write, "
             "with no common lock and no happens-before order between them. The result depends "
             "on timing (lost updates, torn reads) and is undefined behaviour in C and C++. "
             "Protect every access with the same mutex, or make the variable std::atomic.",
             Severity::Warning},
    RuleInfo{"deadlock", "Deadlock", "Every remaining thread is blocked: the program deadlocked.",
             "No thread can make progress: each is waiting for a lock, a join or a condition that "
             "another blocked thread would have to release. The report lists what each thread is "
             "blocked on. Take locks in one global order, or take them together with "
             "std::scoped_lock.",
             Severity::Error},
    RuleInfo{"destroy-while-held", "DestroyWhileHeld", "A mutex is destroyed while it is held.",
             "Destroying a locked mutex is undefined behaviour. Make sure every owner has "
             "unlocked it (and every thread using it has been joined) before its lifetime ends.",
             Severity::Warning},
    RuleInfo{"detached-thread-captures-local", "DetachedThreadCapturesLocal",
             "A detached thread refers to a local variable that may be gone when it runs.",
             "A detached thread captured a local by reference or pointer; the enclosing function "
             "can return before the thread uses it, leaving a dangling reference. Capture by "
             "value, share ownership (std::shared_ptr), or join instead of detaching.",
             Severity::Warning},
    RuleInfo{"double-lock", "DoubleLock", "A thread locks a non-recursive mutex it already holds.",
             "Locking a non-recursive mutex twice from the same thread deadlocks (or is undefined "
             "behaviour). This often happens through a callee that takes the lock its caller "
             "already holds; split the function into a locked and an unlocked variant.",
             Severity::Warning},
    RuleInfo{"joinable-thread-destroyed", "JoinableThreadDestroyed",
             "A std::thread is destroyed while still joinable, which calls std::terminate.",
             "A std::thread object must be joined or detached before it is destroyed, on every "
             "path including early returns and exceptions. Use std::jthread, or join in a scope "
             "guard.",
             Severity::Warning},
    RuleInfo{"livelock", "Livelock", "Threads keep running without making progress.",
             "The threads kept executing but no thread made progress within the step bound, e.g. "
             "two threads backing off and retrying forever. Break the symmetry (ordered "
             "acquisition, randomised back-off) or block instead of spinning.",
             Severity::Error},
    RuleInfo{"lock-leak", "LockLeak", "A lock is still held when the function or thread ends.",
             "A mutex locked on some path is not unlocked before the function returns or the "
             "thread exits; every other thread that needs it will block forever. Use "
             "std::lock_guard / std::unique_lock so that every path unlocks.",
             Severity::Warning},
    RuleInfo{"lock-order-inversion", "LockOrderInversion",
             "Two locks are taken in opposite orders by different threads (potential deadlock).",
             "One thread takes A then B while another takes B then A. Under an unlucky schedule "
             "each holds one lock and waits for the other forever, even if this run did not "
             "deadlock. Take locks in one global order, or together with std::scoped_lock.",
             Severity::Warning},
    RuleInfo{"timeout", "Timeout", "The program did not finish within the time or step bound.",
             "The run exceeded --timeout or --max-steps without deadlocking. It may be a hang the "
             "scheduler cannot see (a blocking system call), a livelock, or simply a long run: "
             "raise the bound to tell them apart.",
             Severity::Error},
    RuleInfo{"unlock-not-held", "UnlockNotHeld", "A thread unlocks a mutex it does not hold.",
             "Unlocking a mutex the calling thread does not own is undefined behaviour; it "
             "usually means an unlock on a path that never locked, or an unlock from the wrong "
             "thread. Use RAII lock guards.",
             Severity::Warning},
};

constexpr bool sortedById() {
  for (size_t i = 1; i < kRules.size(); ++i)
    if (!(kRules[i - 1].id < kRules[i].id))
      return false;
  return true;
}
static_assert(sortedById(), "kRules must stay sorted by id (findRule searches it)");

} // namespace

std::span<const RuleInfo> allRules() { return kRules; }

const RuleInfo *findRule(std::string_view id) {
  auto it = std::lower_bound(kRules.begin(), kRules.end(), id,
                             [](const RuleInfo &r, std::string_view v) { return r.id < v; });
  return it != kRules.end() && it->id == id ? &*it : nullptr;
}

std::string ruleHelpUri(std::string_view id) { return "docs/rules/" + std::string(id) + ".md"; }

} // namespace weft::report
