#!/usr/bin/env python3
"""Runs one runtime test program under libweft_rt (as the driver would: WEFT_* environment, an event
fd) and checks the event lines. Usage: run_scenario.py SCENARIO PROGRAM. Exit 0 = pass."""
import os
import re
import sys
import tempfile
import time
import subprocess


class Run:
    def __init__(self, rc, lines, maxrss_kb, seconds):
        self.rc, self.lines, self.maxrss_kb, self.seconds = rc, lines, maxrss_kb, seconds

    def findings(self):
        return [l for l in self.lines if l.startswith("finding ")]

    def rules(self):
        return [re.search(r"rule=(\S+)", l).group(1) for l in self.findings()]

    def steps(self):
        return [l for l in self.lines if l.startswith("steps")]

    def choices(self):
        out = []
        for l in self.steps():
            out += l.split()[1:]
        return out

    def modules(self):
        mods = []
        for l in self.lines:
            m = re.match(r"module base=0x([0-9a-f]+) path=(.*)$", l)
            if m:
                mods.append((int(m.group(1), 16), m.group(2)))
        return mods

    def racy_relative(self):
        """`racy pc=` lines as module-relative "path+0xoff" (what the driver writes for later runs)."""
        mods = sorted(self.modules())
        out = []
        for l in self.lines:
            m = re.match(r"racy pc=0x([0-9a-f]+)", l)
            if not m:
                continue
            pc = int(m.group(1), 16)
            best = None
            for base, path in mods:
                if base <= pc:
                    best = (base, path)
            if best:
                out.append("%s+0x%x" % (best[1], pc - best[0]))
        return out

    def describe(self):
        return "rc=%s\n%s" % (self.rc, "\n".join(l for l in self.lines if not l.startswith("module")))


def run(prog, timeout=60, **env):
    with tempfile.NamedTemporaryFile("w+", delete=False) as ev:
        path = ev.name
    fd = os.open(path, os.O_WRONLY | os.O_TRUNC)
    e = dict(os.environ)
    e["WEFT_EVENT_FD"] = str(fd)
    for k, v in env.items():
        e["WEFT_" + k.upper()] = str(v)
    start = time.time()
    p = subprocess.Popen([prog], env=e, pass_fds=(fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(fd)
    deadline = start + timeout
    while True:
        pid, status, ru = os.wait4(p.pid, os.WNOHANG)
        if pid:
            break
        if time.time() > deadline:
            p.kill()
            pid, status, ru = os.wait4(p.pid, 0)
            raise AssertionError("%s timed out after %ss (hang)" % (prog, timeout))
        time.sleep(0.005)
    p.returncode = -1  # keep Popen from waiting again
    rc = os.waitstatus_to_exitcode(status)
    with open(path) as f:
        lines = f.read().splitlines()
    os.unlink(path)
    r = Run(rc, lines, ru.ru_maxrss, time.time() - start)
    check_protocol(r)
    return r


def check_protocol(r):
    """Invariants of the event stream every run must keep (protocol.h)."""
    check(r.lines and r.lines[0].startswith("hello version=1 "), "the stream must start with hello", r)
    check(all(len(l) + 1 < 4096 for l in r.lines), "a line is longer than PIPE_BUF", r)
    open_finding = False
    for l in r.lines:
        kind = l.split(" ", 1)[0]
        check(kind in ("hello", "module", "steps", "thread", "racy", "finding", "access", "lock", "blocked",
                       "threadstate", "end-finding", "diverged", "exit"), "unknown line kind: " + l, r)
        if kind == "finding":
            check(not open_finding, "nested finding", r)
            open_finding = True
        elif kind == "end-finding":
            check(open_finding, "end-finding without finding", r)
            open_finding = False
        elif kind in ("access", "lock", "blocked", "threadstate"):
            check(open_finding, "%s line outside a finding" % kind, r)
    check(not open_finding, "unterminated finding", r)


def check(cond, msg, r=None):
    if not cond:
        raise AssertionError(msg + ("\n" + r.describe() if r else ""))


def expect_clean(prog, seeds, strategies=("random", "pct"), **env):
    for strategy in strategies:
        for seed in seeds:
            r = run(prog, strategy=strategy, seed=seed, **env)
            check(r.rc == 0 and not r.findings(), "expected a clean run (%s seed %d)" % (strategy, seed), r)
            check(any(l.startswith("exit status=0") for l in r.lines), "missing exit line", r)


def write_lines(lines):
    f = tempfile.NamedTemporaryFile("w", delete=False, suffix=".txt")
    f.write("\n".join(lines) + "\n")
    f.close()
    return f.name


def scenario_lost_update(prog):
    first = run(prog, seed=0)
    check("data-race" in first.rules(), "the race on counter is not reported", first)
    check(any("write=1" in l for l in first.lines if l.startswith("access")), "no access lines", first)
    racy = write_lines(first.racy_relative())
    failing = None
    for seed in range(1, 1001):
        r = run(prog, seed=seed, racy_pcs_file=racy)
        if "assertion-failure" in r.rules():
            failing = (seed, r)
            break
    check(failing is not None, "the lost update never failed its assertion in 1000 schedules")
    seed, r = failing
    print("lost update failed its assertion at seed %d" % seed)
    again = run(prog, seed=seed, racy_pcs_file=racy)
    check(again.steps() == r.steps(), "same seed, different schedule", again)
    sched = write_lines(r.choices())
    for _ in range(3):
        rep = run(prog, strategy="replay", schedule_file=sched, racy_pcs_file=racy)
        check("assertion-failure" in rep.rules(), "replay did not reproduce the assertion failure", rep)
        check(not any(l.startswith("diverged") for l in rep.lines), "replay diverged", rep)
    # A schedule that cannot be followed is a divergence, exit 2.
    bad = write_lines(["7"] * 3)
    rep = run(prog, strategy="replay", schedule_file=bad, racy_pcs_file=racy)
    check(rep.rc == 2 and any(l.startswith("diverged step=0") for l in rep.lines), "expected divergence", rep)


def scenario_mutex_clean(prog):
    expect_clean(prog, range(15))
    # Spurious wake-ups as explored choices: the predicate loop absorbs them.
    expect_clean(prog, range(10), spurious_wakeups=1)
    r = run(prog, seed=3, spurious_wakeups=1)
    check(any(t.startswith("!") for t in r.choices()), "no spurious wake-up choice was recorded", r)
    # Same seed, same schedule, byte for byte.
    a, b = run(prog, seed=5), run(prog, seed=5)
    check(a.steps() == b.steps() and a.steps(), "same seed gave different steps", b)


def scenario_lock_order_deadlock(prog):
    deadlocks = 0
    for seed in range(60):
        r = run(prog, seed=seed, strategy="random" if seed % 2 else "pct")
        rules = r.rules()
        check(set(rules) <= {"deadlock", "lock-order-inversion"}, "unexpected findings", r)
        if "deadlock" in rules:
            deadlocks += 1
            check(r.rc == 66, "deadlock must exit 66", r)
            blocked = [l for l in r.lines if l.startswith("blocked ")]
            check(sum("op=pthread_mutex_lock" in l for l in blocked) == 2,
                  "deadlock must list the blocked lock operations", r)
        else:
            check(r.rc == 0, "a run without deadlock must finish", r)
    check(deadlocks > 0, "no schedule deadlocked in 60 runs")
    # Record -> replay round trip of a deadlock.
    for seed in range(60):
        r = run(prog, seed=seed, strategy="random" if seed % 2 else "pct")
        if "deadlock" in r.rules():
            sched = write_lines(r.choices())
            rep = run(prog, strategy="replay", schedule_file=sched)
            check("deadlock" in rep.rules() and rep.steps() == r.steps(), "replay of the deadlock differs", rep)
            break
    inv = run(prog, seed=1, strategy="dfs")  # non-preemptive: t1 finishes, then t2: inversion only
    check("lock-order-inversion" in inv.rules() and inv.rc == 0, "dfs run must report the inversion", inv)
    check(any("held=0x" in l for l in inv.lines if l.startswith("lock ")), "lock lines must name the held lock", inv)


def scenario_lost_wakeup(prog):
    found = 0
    for seed in range(40):
        r = run(prog, seed=seed)
        if "deadlock" in r.rules():
            found += 1
            check(any("op=pthread_cond_wait" in l for l in r.lines if l.startswith("blocked")),
                  "the waiter must be blocked in pthread_cond_wait", r)
        else:
            check(r.rc == 0 and not r.findings(), "unexpected result", r)
    check(found > 0, "the lost wake-up was never reported as a deadlock")


def expect_rule_exit(prog, rule, rc):
    r = run(prog, seed=0)
    check(r.rules() == [rule] and r.rc == rc, "expected %s with exit %d" % (rule, rc), r)
    check(any(l.startswith("end-finding") for l in r.lines), "unterminated finding", r)
    return r


def scenario_double_lock(prog):
    expect_rule_exit(prog, "double-lock", 66)


def scenario_unlock_not_held(prog):
    expect_rule_exit(prog, "unlock-not-held", 66)


def scenario_annotations(prog):
    # A spin lock described with __tsan_mutex_* is a modelled mutex (docs/runtime-internals.md):
    # threads block in pre_lock, so opposite orders deadlock in some schedules (both threads
    # blocked in __tsan_mutex_pre_lock) and report the inversion in the others.
    deadlocks = inversions = 0
    for seed in range(40):
        r = run(prog, mode="deadlock", seed=seed, strategy="random" if seed % 2 else "pct")
        rules = set(r.rules())
        check(rules and rules <= {"deadlock", "lock-order-inversion"}, "unexpected findings", r)
        if "deadlock" in rules:
            deadlocks += 1
            blocked = [l for l in r.lines if l.startswith("blocked ")]
            check(r.rc == 66 and sum("op=__tsan_mutex_pre_lock" in l for l in blocked) == 2,
                  "a deadlock must list both threads blocked in __tsan_mutex_pre_lock", r)
        else:
            inversions += 1
            check(r.rc == 0, "a run without deadlock must finish", r)
    check(deadlocks and inversions, "%d deadlocks, %d inversions in 40 runs" % (deadlocks, inversions))
    for mode, rule in (("unlock_not_held", "unlock-not-held"), ("destroy_held", "destroy-while-held")):
        r = run(prog, mode=mode, seed=0)
        check(r.rules() == [rule] and r.rc == 66, "%s: expected %s with exit 66" % (mode, rule), r)
    # Reentrant levels released and taken back at once; a pthread mutex inside a divert; the
    # signal region; a lock word taken behind the annotations' back (the annotated spin still
    # gives way and the run ends).
    for mode in ("recursive", "divert", "signal", "behind_back"):
        expect_clean(prog, range(16), mode=mode)
    # Benign ranges: the first pair of threads (tids 1, 2) races on a benign range, unreported;
    # the second (tids 3, 4) on a range that is no longer benign (a benign block's range dies with
    # it; with more ranges than the table keeps, the oldest goes first), reported.
    for mode in ("benign_reuse", "benign_many"):
        for seed in range(4):
            r = run(prog, mode=mode, seed=seed)
            tids = {l.split(" tid=")[1].split()[0] for l in r.lines if l.startswith("finding ")}
            check(r.rc == 0 and set(r.rules()) == {"data-race"} and tids <= {"3", "4"},
                  "%s: expected races of the second pair of threads only" % mode, r)


def scenario_threads_200(prog):
    expect_clean(prog, range(2))


def scenario_million_points(prog):
    for strategy in ("pct", "random"):
        r = run(prog, strategy=strategy, seed=1, timeout=110)
        check(r.rc == 0 and not r.findings(), "1e6 points must complete", r)
        print("%s: 1e6 points in %.2fs, max RSS %d KiB" % (strategy, r.seconds, r.maxrss_kb))
        check(r.maxrss_kb < 64 * 1024, "memory not bounded: max RSS %d KiB" % r.maxrss_kb)


def scenario_abort(prog):
    r = run(prog, seed=0)
    check(r.rc == -6, "expected death by SIGABRT", r)
    f = r.findings()
    check(len(f) == 1 and "rule=assertion-failure" in f[0] and "value must be two" in f[0],
          "expected the assertion message", r)


def scenario_segfault(prog):
    r = run(prog, seed=0)
    check(r.rc == -11, "expected death by SIGSEGV", r)
    check(r.rules() == ["crash"] and "SIGSEGV" in r.findings()[0], "expected a crash finding", r)
    check(any(l.startswith("threadstate tid=1 state=running") for l in r.lines), "no thread state", r)


def scenario_cxx20_sync(prog):
    expect_clean(prog, range(10))


def scenario_pipe_read(prog):
    expect_clean(prog, range(10))


def scenario_primitives_clean(prog):
    expect_clean(prog, range(15))


def scenario_spin_flag(prog):
    expect_clean(prog, range(15), strategies=("random", "pct", "dfs"))


def scenario_scoped_lock_clean(prog):
    expect_clean(prog, range(20))


def scenario_plain_spin(prog):
    for strategy in ("random", "pct", "dfs"):
        r = run(prog, strategy=strategy, seed=3)
        check(r.rc == 0 and r.rules() and set(r.rules()) == {"data-race"}, "expected the race and completion", r)


def scenario_fork_child(prog):
    r = run(prog, seed=1)
    check(r.rc == 0 and not r.findings(), "a forked child must run uncontrolled", r)
    check(sum(l.startswith("exit ") for l in r.lines) == 1, "only the parent reports its exit", r)


def scenario_stdlib_clean(prog):
    expect_clean(prog, range(15))


def scenario_relaxed_publish(prog):
    for strategy in ("random", "pct"):
        for seed in range(5):
            r = run(prog, strategy=strategy, seed=seed)
            check(r.rc == 0 and set(r.rules()) == {"data-race"}, "expected the payload race", r)


def scenario_livelock(prog):
    for strategy in ("random", "pct", "dfs"):
        r = run(prog, strategy=strategy, seed=2, max_steps=20000)
        check(r.rc == 66 and r.rules() == ["livelock"], "expected a livelock finding", r)
        check(sum(l.startswith("threadstate") for l in r.lines) == 3, "every thread's state", r)


def scenario_static_init_clean(prog):
    expect_clean(prog, range(20), strategies=("random", "pct", "dfs"))


def scenario_stack_overflow(prog):
    r = run(prog, seed=0)
    check(r.rc == -11 and r.rules() == ["crash"], "expected a crash finding and death by SIGSEGV", r)
    check(any(l.startswith("threadstate tid=1 state=running") for l in r.lines), "crashing thread state", r)


def driver(*args, timeout=600, cwd=None):
    """Runs the `weft` driver (DRIVER in the environment: weft or weft_run_cli); returns (rc, stderr)."""
    p = subprocess.run([os.environ["DRIVER"]] + list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       text=True, timeout=timeout, cwd=cwd)
    return p.returncode, p.stdout + p.stderr


def scenario_pct_depth3(prog):
    # Issue 14: the default strategy finds a depth-3 bug whose later change point must rank lower,
    # within 1000 schedules, and every finding replays.
    import json
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "r.json")
        rc, text = driver("run", "--strategy", "pct", "--keep-going", "--iterations", "1000", "-o", out,
                          "--", prog)
        check(rc == 1, "weft run exited %d, expected 1 (findings)\n%s" % (rc, text))
        with open(out) as f:
            findings = json.load(f)["findings"]
        rules = [f["rule"] for f in findings]
        check(rules == ["assertion-failure"], "expected only the assertion failure, got %s" % rules)
        print("pct found the depth-3 bug: %s" % findings[0]["message"])
        for _ in range(3):
            rep = os.path.join(d, "replayed.json")
            rc, text = driver("replay", out, "--finding", "0", "--hide-output", "-o", rep, "--", prog)
            check(rc == 1, "weft replay exited %d, expected 1\n%s" % (rc, text))
            with open(rep) as f:
                replayed = [f["rule"] for f in json.load(f)["findings"]]
            check(replayed == ["assertion-failure"], "replay gave %s" % replayed)


def dfs_claim(text):
    """The schedule count of a dfs "explored the whole space" line, or None."""
    m = re.search(r"explored the whole space \((\d+) schedules", text)
    return int(m.group(1)) if m else None


def scenario_later_racy_access(prog):
    # Issue 14 item 2: the bug needs a preemption just before main's re-read of `v`, which follows
    # main's own write in one epoch. The default strategy finds it within 1000 schedules and every
    # replay reproduces it; dfs finds it too (one preemption) and its "whole space" claim holds up
    # against an unbounded search (item 3).
    import json
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "r.json")
        rc, text = driver("run", "--keep-going", "--iterations", "1000", "-o", out, "--", prog)
        check(rc == 1, "weft run exited %d, expected 1 (findings)\n%s" % (rc, text))
        with open(out) as f:
            findings = json.load(f)["findings"]
        rules = [f["rule"] for f in findings]
        check("assertion-failure" in rules, "the default strategy missed the assertion: %s" % rules)
        index = rules.index("assertion-failure")
        print("pct found it: %s" % findings[index]["message"])
        for _ in range(2):
            rep = os.path.join(d, "replayed.json")
            rc, text = driver("replay", out, "--finding", str(index), "--hide-output", "-o", rep,
                              "--", prog)
            check(rc == 1, "weft replay exited %d, expected 1\n%s" % (rc, text))
            with open(rep) as f:
                replayed = [f["rule"] for f in json.load(f)["findings"]]
            check("assertion-failure" in replayed, "replay gave %s" % replayed)
        found = {}
        for bound in ("2", "-1"):
            out = os.path.join(d, "dfs%s.json" % bound)
            rc, text = driver("run", "--strategy", "dfs", "--preemption-bound", bound, "--keep-going",
                              "--iterations", "1000", "-o", out, "--", prog)
            check(rc == 1, "dfs (bound %s) exited %d\n%s" % (bound, rc, text))
            with open(out) as f:
                found[bound] = sorted(set(f["rule"] for f in json.load(f)["findings"]))
            check("assertion-failure" in found[bound], "dfs (bound %s) missed it: %s\n%s"
                  % (bound, found[bound], text))
            print("dfs bound %s: %s, claim: %s" % (bound, found[bound], dfs_claim(text)))
        check(found["2"] == found["-1"], "the bounded claim missed what the unbounded search found: "
              "%s vs %s" % (found["2"], found["-1"]))


def scenario_fd_handoff(prog):
    # Issue 14 item 9: a byte written to a pipe, a socketpair, an eventfd or a dup'ed write end
    # orders the writer's earlier accesses before the reader's later ones: no finding in any
    # schedule (before, every mode reported the race on `payload`). Reading `payload` before
    # waiting is a race every strategy reports and every replay reproduces.
    import json
    with tempfile.TemporaryDirectory() as d:
        for mode in ("pipe", "socketpair", "eventfd", "dup"):
            for strategy in ("pct", "random", "dfs"):
                out = os.path.join(d, "%s-%s.json" % (mode, strategy))
                rc, text = driver("run", "--strategy", strategy, "--keep-going", "--iterations",
                                  "100", "-o", out, "--", prog, mode)
                with open(out) as f:
                    rules = [f["rule"] for f in json.load(f)["findings"]]
                print("%s, %s: exit %d, %s" % (mode, strategy, rc, rules))
                check(rc == 0 and rules == [], "%s (%s): expected no finding\n%s" % (mode, strategy, text))
        out = os.path.join(d, "early.json")
        rc, text = driver("run", "--keep-going", "--iterations", "100", "-o", out, "--", prog, "early")
        with open(out) as f:
            findings = json.load(f)["findings"]
        races = [i for i, f in enumerate(findings) if f["rule"] == "data-race"]
        check(rc == 1 and races, "early: expected the race on payload\n%s" % text)
        check("payload" in findings[races[0]]["message"], findings[races[0]]["message"])
        rep = os.path.join(d, "replayed.json")
        rc, text = driver("replay", out, "--finding", str(races[0]), "--hide-output", "-o", rep,
                          "--", prog, "early")
        with open(rep) as f:
            replayed = [f["rule"] for f in json.load(f)["findings"]]
        check(rc == 1 and "data-race" in replayed, "replay gave %s\n%s" % (replayed, text))


def scenario_mmap_reuse(prog):
    # Issue 14 item 9: a page unmapped by one thread and mapped again by another (no
    # happens-before between them) has no history: no race between its two lives, in any
    # schedule (before, every run reported one). The program exits 5 if the kernel did not give
    # the same address, which fails the test rather than passing it without proof.
    import json
    with tempfile.TemporaryDirectory() as d:
        for strategy in ("pct", "random"):
            out = os.path.join(d, "%s.json" % strategy)
            rc, text = driver("run", "--strategy", strategy, "--keep-going", "--iterations", "100",
                              "-o", out, "--", prog)
            with open(out) as f:
                rules = [f["rule"] for f in json.load(f)["findings"]]
            print("%s: exit %d, %s" % (strategy, rc, rules))
            check(rc == 0 and rules == [], "%s: expected no finding\n%s" % (strategy, text))


def marked_line(name, mark):
    """The line of programs/NAME.* that ends with `// weft-test: MARK`."""
    import glob
    src = glob.glob(os.path.join(os.path.dirname(os.path.abspath(__file__)), "programs", name + ".c*"))[0]
    with open(src) as f:
        for number, line in enumerate(f, 1):
            if line.rstrip().endswith("// weft-test: " + mark):
                return number
    raise AssertionError("no `// weft-test: %s` in %s" % (mark, src))


def run_and_replay(d, prog, args, expect):
    """`weft run` of PROG ARGS must give exactly one finding, for which EXPECT(finding) returns
    None (else a complaint); its replay must give a finding that passes EXPECT too."""
    import json
    out = os.path.join(d, "r.json")
    rc, text = driver("run", "--iterations", "20", "-o", out, "--", prog, *args)
    check(rc == 1, "weft run %s exited %d, expected 1 (findings)\n%s" % (args, rc, text))
    with open(out) as f:
        findings = json.load(f)["findings"]
    check(len(findings) == 1, "%s: expected one finding, got %s" % (args, [f["message"] for f in findings]))
    problem = expect(findings[0])
    check(problem is None, "%s: %s\n%s" % (args, problem, json.dumps(findings[0], indent=1)[:3000]))
    print("%s: %s at line %d" % (args, findings[0]["message"], findings[0]["location"]["line"]))
    rep = os.path.join(d, "replayed.json")
    rc, text = driver("replay", out, "--finding", "0", "--hide-output", "-o", rep, "--", prog, *args)
    check(rc == 1, "weft replay %s exited %d, expected 1\n%s" % (args, rc, text))
    with open(rep) as f:
        replayed = json.load(f)["findings"]
    check(len(replayed) == 1 and expect(replayed[0]) is None, "%s: the replay gave %s"
          % (args, [f["message"] for f in replayed]))


def scenario_uncaught_exception(prog):
    # Issue 14 item 10: the type and what() of an exception that ends in std::terminate are in the
    # finding, which is at the throw (before: "SIGABRT (abort)" in bits/invoke.h or the caller).
    def expect(message, line):
        def judge(f):
            if f["rule"] != "crash" or f["message"] != message:
                return "expected crash %r, got %s %r" % (message, f["rule"], f["message"])
            if f["location"]["line"] != line:
                return "expected line %d, got %s" % (line, f["location"])
            return None
        return judge
    with tempfile.TemporaryDirectory() as d:
        run_and_replay(d, prog, [], expect('uncaught exception std::runtime_error: "queue full"',
                                           marked_line("uncaught_exception", "queue")))
        run_and_replay(d, prog, ["int"], expect("uncaught exception int",
                                                marked_line("uncaught_exception", "int")))


def scenario_longjmp_unwind(prog):
    # Issue 14 item 10: frames left by longjmp/siglongjmp (nested, and out of a signal handler)
    # or by an exception caught further up are not in a later finding's stacks (before: the race
    # in bump() was shown under leave2(), leave1() and the first jump's work()).
    def judge(f):
        if f["rule"] != "data-race":
            return "expected a data race, got %s" % f["rule"]
        stacks = [f["stack"]] + [r.get("stack", []) for r in f.get("related", [])
                                 if "previous" in r.get("message", "")]
        for stack in stacks:
            names = [fr["function"] for fr in stack if fr.get("location", {}).get("file", "")
                     .endswith("longjmp_unwind.cpp")]
            if not names or names[0] != "bump()" or any(n not in ("work()", "main") for n in names[1:]):
                return "a stack holds frames that were left: %s" % names
        return None
    with tempfile.TemporaryDirectory() as d:
        run_and_replay(d, prog, [], judge)


def scenario_library_crash(prog):
    # Issue 14 item 10: a segfault inside libc's strlen is shown at the program's call (before:
    # at strlen-evex.S, the program's frame missing; the location was libc's source).
    line = marked_line("library_crash", "strlen")

    def judge(f):
        if f["rule"] != "crash" or "SIGSEGV" not in f["message"]:
            return "expected a SIGSEGV crash, got %s %r" % (f["rule"], f["message"])
        if not f["location"]["file"].endswith("library_crash.c") or f["location"]["line"] != line:
            return "expected library_crash.c:%d, got %s" % (line, f["location"])
        if "libc" not in f["stack"][0].get("module", ""):
            return "the innermost frame should be libc's: %s" % f["stack"][0]
        return None
    with tempfile.TemporaryDirectory() as d:
        run_and_replay(d, prog, [], judge)


def scenario_relative_paths(prog):
    # Issue 14 item 10: a program whose debug info has relative paths (compiled in its directory
    # with -fdebug-prefix-map=$PWD=.) gets the same variable name and source line from any current
    # directory (before: from another directory the source was not found, the race had no name).
    import json
    seen = {}
    prog = os.path.abspath(prog)
    with tempfile.TemporaryDirectory() as d:
        for where in (os.path.dirname(prog), d, "/"):
            out = os.path.join(d, "r.json")
            rc, text = driver("run", "--iterations", "20", "-o", out, "--", prog, cwd=where)
            check(rc == 1, "weft run from %s exited %d, expected 1\n%s" % (where, rc, text))
            with open(out) as f:
                findings = json.load(f)["findings"]
            check([f["rule"] for f in findings] == ["data-race"], "from %s: %s" % (where, findings))
            got = (findings[0].get("variable", ""), findings[0]["location"].get("snippet", ""))
            print("from %s: %r at %s" % (where, got[0], findings[0]["location"]["file"]))
            seen[where] = got
    check(all(v == ("Box::value", "void work(Box *b) { b->value++; }") for v in seen.values()),
          "the name or the source line depends on the current directory: %s" % seen)


def scenario_unchosen_switch(prog):
    # Issue 14 item 3: after a switch nobody chose (main blocks, the worker runs alone), dfs counts
    # preemptions against the thread that reached each point. Every schedule but the
    # non-preemptive one preempts, so bound 0 runs exactly one schedule and claims the whole space
    # (counted against the last recorded choice it ran three); the bug needs one preemption, so
    # bound 1 finds it, and the unbounded search finds what bound 1 found. Every dfs token names
    # the running thread.
    import json
    with tempfile.TemporaryDirectory() as d:
        found = {}
        for bound in ("0", "1", "-1"):
            out = os.path.join(d, "dfs%s.json" % bound)
            rc, text = driver("run", "--strategy", "dfs", "--preemption-bound", bound, "--keep-going",
                              "--iterations", "1000", "-o", out, "--", prog)
            with open(out) as f:
                found[bound] = sorted(set(f["rule"] for f in json.load(f)["findings"]))
            print("dfs bound %s: exit %d, %s, claim: %s" % (bound, rc, found[bound], dfs_claim(text)))
            if bound == "0":
                check(rc == 0 and found[bound] == [] and dfs_claim(text) == 1,
                      "bound 0: expected no finding and a whole-space claim after the one "
                      "non-preemptive schedule\n%s" % text)
            else:
                check(rc == 1 and "assertion-failure" in found[bound],
                      "dfs (bound %s) missed the one-preemption bug\n%s" % (bound, text))
        check(found["1"] == found["-1"], "bound 1 found %s, unbounded %s" % (found["1"], found["-1"]))
        rep = os.path.join(d, "replayed.json")
        with open(os.path.join(d, "dfs1.json")) as f:
            index = [f["rule"] for f in json.load(f)["findings"]].index("assertion-failure")
        rc, text = driver("replay", os.path.join(d, "dfs1.json"), "--finding", str(index),
                          "--hide-output", "-o", rep, "--", prog)
        with open(rep) as f:
            replayed = [f["rule"] for f in json.load(f)["findings"]]
        check(rc == 1 and "assertion-failure" in replayed, "replay gave %s\n%s" % (replayed, text))
    # The runtime's own tokens: every dfs thread token carries '@' and the running thread.
    r = run(prog, strategy="dfs")
    tokens = [t for t in r.choices() if not t.startswith("!")]
    check(tokens and all(re.fullmatch(r"\d+:[\d.]+@\d+", t) for t in tokens),
          "dfs tokens without the running thread: %s" % tokens[:8])


def scenario_daemon_exit(prog):
    # Issue 14 item 4: a daemon that never stops gets a grace at main's exit point, then the
    # process ends: no livelock under dfs (it keeps running the thread it switched to) or random.
    # Item 5: nor under pct, whose highest-priority daemon starved main before its exit point
    # until the fairness bound ran main and lowered the daemon.
    import json
    with tempfile.TemporaryDirectory() as d:
        for strategy in ("dfs", "random", "pct"):
            out = os.path.join(d, "%s.json" % strategy)
            rc, text = driver("run", "--strategy", strategy, "--iterations", "20", "-o", out, "--", prog)
            with open(out) as f:
                rules = [f["rule"] for f in json.load(f)["findings"]]
            check(rc == 0 and rules == [], "%s: exit %d, findings %s\n%s" % (strategy, rc, rules, text))


def expect_fair_termination(prog):
    """Issue 14 item 5: a program that finishes under every fair schedule gives no finding in 1,000
    schedules of the default strategy (pct) with --keep-going, nor of pct with another seed, random
    or dfs; and the same seed gives the same schedule, byte for byte."""
    import json
    with tempfile.TemporaryDirectory() as d:
        for strategy in (None, "pct", "random", "dfs"):
            out = os.path.join(d, "r.json")
            args = ["run", "--keep-going", "--iterations", "1000", "-o", out]
            if strategy:  # explicit pct: another seed than the default run's
                args[1:1] = ["--strategy", strategy, "--seed", "1"]
            rc, text = driver(*(args + ["--", prog]))
            with open(out) as f:
                rules = [f["rule"] for f in json.load(f)["findings"]]
            check(rc == 0 and rules == [], "%s: exit %d, findings %s\n%s"
                  % (strategy or "default", rc, rules, text))
            print("%s: no findings (%s)" % (strategy or "default", text.strip().splitlines()[-1]))
    for seed in (0, 7):
        first, again = run(prog, strategy="pct", seed=seed), run(prog, strategy="pct", seed=seed)
        check(first.rc == 0 and not first.findings(), "expected a clean run (pct seed %d)" % seed, first)
        check(first.steps() == again.steps(), "pct seed %d: two runs took different schedules" % seed)


def scenario_backoff_trylock(prog):
    expect_fair_termination(prog)


def scenario_flag_loop(prog):
    expect_fair_termination(prog)


def scenario_skiplist_retries(prog):
    expect_fair_termination(prog)


def scenario_mutual_spin(prog):
    # Issue 14 item 5: fairness must not hide a real livelock (no fair schedule finishes it): every
    # strategy reports `livelock` at the step bound, and the finding replays.
    import json
    with tempfile.TemporaryDirectory() as d:
        for strategy in ("pct", "random", "dfs"):
            out = os.path.join(d, "%s.json" % strategy)
            rc, text = driver("run", "--strategy", strategy, "--iterations", "3", "--max-steps", "300000",
                              "-o", out, "--", prog)
            with open(out) as f:
                rules = [f["rule"] for f in json.load(f)["findings"]]
            check(rc == 1 and rules == ["livelock"], "%s: exit %d, findings %s\n%s" % (strategy, rc, rules, text))
            rep = os.path.join(d, "replayed.json")
            rc, text = driver("replay", out, "--finding", "0", "--hide-output", "-o", rep, "--", prog)
            with open(rep) as f:
                replayed = [f["rule"] for f in json.load(f)["findings"]]
            check(rc == 1 and replayed == ["livelock"], "%s replay: exit %d, %s\n%s"
                  % (strategy, rc, replayed, text))


def main():
    name, prog = sys.argv[1], sys.argv[2]
    try:
        globals()["scenario_" + name](prog)
    except AssertionError as e:
        print("FAIL %s: %s" % (name, e))
        return 1
    print("PASS %s" % name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
