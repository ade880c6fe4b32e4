/* The contract between libweft_rt (inside the program under test) and the `weft run` / `weft replay`
 * driver. Plain C, includes nothing: the runtime side must not pull in libstdc++.
 *
 * ENVIRONMENT (set by the driver for each run; all optional, a program run without the driver
 * behaves like `random` with seed 0 and reports to stderr only):
 *   WEFT_EVENT_FD          fd number of the write end of the event pipe
 *   WEFT_STRATEGY          random | pct | dfs | replay
 *   WEFT_SEED              unsigned 64-bit decimal
 *   WEFT_PCT_DEPTH         PCT bug depth d (default 3)
 *   WEFT_PCT_STEPS         PCT step-count estimate k from earlier runs (default 1000)
 *   WEFT_PREEMPTION_BOUND  dfs preemption bound (default 2; -1 unbounded)
 *   WEFT_MAX_STEPS         step bound; exceeding it is a `livelock` finding (default 1000000 x 20)
 *   WEFT_SCHEDULE_FILE     replay and dfs: file of decimal choices, one per line, to force first;
 *                          replay fails with a `diverged` record when a forced choice is impossible
 *   WEFT_RACY_PCS_FILE     file of hex instruction addresses (module-relative: "path+0xoff"), one per
 *                          line, that earlier runs saw race: plain accesses there become choice points
 *   WEFT_RUN_INDEX         0-based index of this run in the exploration (informational)
 *
 * EVENT STREAM: text lines, each written whole with one write(2) (< PIPE_BUF, so a crash or a
 * SIGKILL never leaves half a record; what reached the pipe is kept by the kernel). Fields are
 * separated by one space; values are decimal unless written 0x...; `stack=` is a comma-separated
 * list of absolute code addresses, innermost first (return addresses of __tsan_func_entry frames,
 * the access pc first). Strings that may hold spaces come last on the line as `text=...`.
 *
 *   hello version=1 pid=P strategy=S seed=N
 *   module base=0xADDR path=/abs/path            one per loaded object, at start (dl_iterate_phdr)
 *   steps C C C ...                              scheduling choices in order, flushed at every
 *                                                switch, block, exit and before any finding. A
 *                                                token is a thread id `T`, or `!V` for a value
 *                                                choice (a timed wait times out: !1, a spurious
 *                                                wake-up: !1, otherwise !0). In dfs mode each token
 *                                                carries the enabled set after a colon: `2:0.1.2`
 *                                                (the driver keeps the DFS tree across runs),
 *                                                and a thread token the thread that reached the
 *                                                point after '@': `2:0.1.2@1` (preemptions are
 *                                                counted against it).
 *   thread tid=T parent=P stack=...              thread T created by P at that stack
 *   racy pc=0xADDR                               a plain access newly seen racing (a choice point for
 *                                                later runs of the same exploration)
 *   finding rule=R tid=T addr=0xADDR size=N text=MESSAGE
 *                                                starts a finding; R as in Report.h; addr/size of the
 *                                                memory or lock involved (0 when none)
 *   access tid=T write=0|1 atomic=0|1 addr=0xADDR size=N stack=...
 *                                                an access of the finding (data-race: current first,
 *                                                then the earlier conflicting one)
 *   lock tid=T addr=0xADDR op=acquire stack=...  lock-order-inversion: one edge of the cycle per line
 *   blocked tid=T addr=0xADDR op=NAME stack=...  deadlock: every unfinished thread, what it waits on
 *   threadstate tid=T state=running|blocked|finished stack=...
 *   end-finding                                  closes the finding
 *   diverged step=N text=WHY                     replay could not follow the schedule
 *   exit status=N                                normal exit (status of exit()); absent after a
 *                                                crash or kill, which the driver sees from waitpid
 *
 * A finding ends the run: the runtime writes it, flushes, and exits with status 66 (livelock,
 * deadlock, misuse) or lets the crash/abort proceed (crash, assertion-failure: the runtime writes the
 * finding from its signal handler, then re-raises).
 *
 * ADDITIONS (additive; version stays 1; see docs/runtime-internals.md):
 *   - data-race and lock-order-inversion findings do NOT end the run: the runtime reports them and
 *     the program continues (so a later assertion failure, deadlock or crash of the same run is also
 *     seen). Each pair of pcs is reported once per run. All other rules end the run as above.
 *   - `steps` tokens are emitted only at real choice points (two or more enabled threads) and at
 *     value choices; a point with a single enabled thread is not a choice and is not recorded.
 *   - dfs mode value tokens carry the possible values after the colon: `!0:0.1`.
 *   - WEFT_SCHEDULE_FILE lines: a thread id `T`, a value choice `!V`, or the Report.h encoding
 *     (WEFT_VALUE_CHOICE | V) in decimal; blank lines and lines starting with '#' are ignored; a
 *     line may also be a dfs token `T:0.1.2@R` (the part after ':' is ignored).
 *   - WEFT_RACY_PCS_FILE also accepts absolute addresses `0xADDR`.
 *   - `diverged` makes the process exit with status 2 (WEFT_EXIT_DIVERGED).
 *   - `lock` lines of a lock-order-inversion carry `held=0xADDR held_stack=...`: the lock already held
 *     when `addr` was acquired (the edge held -> addr), and where it had been acquired.
 *   - `blocked` op names: pthread_mutex_lock, pthread_rwlock_rdlock, pthread_rwlock_wrlock,
 *     pthread_cond_wait, pthread_join, pthread_barrier_wait, pthread_once, pthread_spin_lock,
 *     sem_wait, futex_wait, __tsan_mutex_pre_lock.
 *   - `threadstate` states also include `runnable` (enabled, waiting for its turn) and `in-syscall`
 *     (inside an unmodelled blocking call); `running` is the thread that raised the finding.
 *   - findings for crash, assertion-failure and livelock are followed by `threadstate` lines for every
 *     thread; the crashing thread's stack starts with the faulting pc when the signal carries one.
 *   - misuse findings (double-lock, unlock-not-held, destroy-while-held) carry `lock tid=T addr=M
 *     op=CALL stack=...` (CALL: pthread_mutex_lock, pthread_mutex_unlock, pthread_mutex_destroy,
 *     pthread_spin_lock, pthread_spin_unlock, pthread_rwlock_unlock, pthread_cond_wait,
 *     __tsan_mutex_pre_lock, __tsan_mutex_pre_unlock, __tsan_mutex_destroy), then for a
 *     held lock `lock ... op=acquire stack=...` where it was acquired.
 *   - the runtime marks WEFT_EVENT_FD close-on-exec and removes it from its environment, so programs
 *     that the program under test starts never write into the pipe; a forked child stays silent.
 *   - WEFT_QUIET=1: do not copy findings to stderr when WEFT_EVENT_FD is unset.
 *   - WEFT_SPURIOUS_WAKEUPS=1: every condition-variable wait is also a value choice (`!1` = return
 *     spuriously, without a signal); default 0 (only timed waits choose: `!1` = time out).
 *   - the runtime does not enforce WEFT_PREEMPTION_BOUND: in dfs mode it adds no preemption of its
 *     own after the forced prefix, so the driver bounds preemptions when it builds prefixes.
 */
#ifndef WEFT_PROTOCOL_H
#define WEFT_PROTOCOL_H

#define WEFT_PROTOCOL_VERSION 1
#define WEFT_EXIT_FINDING 66
#define WEFT_EXIT_DIVERGED 2
/* In Report.h's Schedule::choices a value choice `!V` is stored as (WEFT_VALUE_CHOICE | V). */
#define WEFT_VALUE_CHOICE 0x80000000u

#endif
