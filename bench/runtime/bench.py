#!/usr/bin/env python3
"""weft's runtime benchmark, run by hand: measures side by side, in one run,

  1. a workload's instrumented run (one controlled schedule) against its native run and against the
     same program under ThreadSanitizer (clang++ -fsanitize=thread with TSan's own runtime);
  2. the cost of a scheduling point without a switch and with one;
  3. schedules per second of `weft run` in process mode with -j 1 and -j 2 on a small program.

Targets (issue 3): a controlled run no slower than TSan; at least 300 schedules/s.
Usage: bench.py --bin DIR --weft PATH [--smoke]   (the bench_runtime target passes them)
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time


def one_cpu():
    """Pins the child to the first CPU it may use, as weft's runtime pins itself."""
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def wall(cmd, env=None, repeat=5, stdout=subprocess.DEVNULL, pin=False):
    """Median wall time of `repeat` runs of cmd, in seconds; fails loudly on a non-zero exit."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(cmd, env=env, stdout=stdout, stderr=subprocess.DEVNULL, check=True,
                       preexec_fn=one_cpu if pin else None)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def weft_env(strategy, extra=None):
    env = {k: v for k, v in os.environ.items() if not k.startswith("WEFT_")}
    env.update({"WEFT_STRATEGY": strategy, "WEFT_SEED": "0", "WEFT_QUIET": "1"})
    env.update(extra or {})
    return env


def count_steps(binary, args, strategy):
    """Choice points and switches of one run, from the event stream."""
    with tempfile.TemporaryFile() as events:
        env = weft_env(strategy, {"WEFT_EVENT_FD": str(events.fileno())})
        subprocess.run([binary] + args, env=env, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, pass_fds=(events.fileno(),), check=True)
        events.seek(0)
        choices = []
        for line in events.read().decode(errors="replace").splitlines():
            if line.startswith("steps "):
                choices.extend(line.split()[1:])
    switches = sum(1 for a, b in zip(choices, choices[1:]) if a != b)
    return len(choices), switches


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", required=True, help="folder with the benchmark programs")
    parser.add_argument("--weft", required=True, help="the weft executable")
    parser.add_argument("--smoke", action="store_true", help="tiny sizes: checks that it runs")
    a = parser.parse_args()
    b = lambda name: os.path.join(a.bin, name)
    repeat = 1 if a.smoke else 5
    rounds = "5" if a.smoke else "300"
    points = "2000" if a.smoke else "200000"
    schedules = 20 if a.smoke else 500

    print(f"weft runtime benchmark ({os.cpu_count()} CPUs, median of {repeat} runs)\n")

    # 1. One controlled run against native and TSan. This machine kind is noisy (a shared host):
    # the four variants run interleaved, round after round, so a slow spell hits all of them, and
    # the ratio is the median of the per-round ratios, with the ratio of the best runs beside it.
    tsan_env = dict(os.environ, TSAN_OPTIONS="report_bugs=0")
    variants = {
        "native": lambda: wall([b("workload_native"), rounds], repeat=1),
        "weft": lambda: wall([b("workload_weft"), rounds], env=weft_env("pct"), repeat=1),
        "tsan": lambda: wall([b("workload_tsan"), rounds], env=tsan_env, repeat=1),
        "tsan1": lambda: wall([b("workload_tsan"), rounds], env=tsan_env, repeat=1, pin=True),
    }
    times = {name: [] for name in variants}
    for _ in range(1 if a.smoke else 3 * repeat):
        for name, run in variants.items():
            times[name].append(run())
    med = {name: statistics.median(t) for name, t in times.items()}
    best = {name: min(t) for name, t in times.items()}
    ratio = lambda x, y: statistics.median(p / q for p, q in zip(times[x], times[y]))
    native, weft, tsan, tsan1 = med["native"], med["weft"], med["tsan"], med["tsan1"]
    weft_tsan = ratio("weft", "tsan")
    print(f"workload (4 threads x {rounds} rounds over 4096 ints, clang++ -O1 -g), "
          f"{len(times['weft'])} interleaved rounds, median (best):")
    for name, label in (("native", "native"), ("weft", "weft, one schedule (pct)"),
                        ("tsan", "ThreadSanitizer"), ("tsan1", "ThreadSanitizer, one CPU")):
        print(f"  {label:<28} {med[name] * 1e3:7.1f} ms ({best[name] * 1e3:6.1f})"
              f"  {med[name] / native:5.2f}x native")
    print("  (weft runs one thread at a time on one CPU; TSan runs the four threads on both)")
    print(f"  weft / TSan                          {weft_tsan:5.2f}x per round,"
          f" {best['weft'] / best['tsan']:5.2f}x best runs"
          f"   ({'no slower than' if weft_tsan <= 1 else 'SLOWER than'} TSan)")
    print(f"  weft / TSan on one CPU               {ratio('weft', 'tsan1'):5.2f}x per round,"
          f" {best['weft'] / best['tsan1']:5.2f}x best runs\n")

    # 2. Cost of a scheduling point.
    n = [points]
    base = wall([b("sched_points_native")] + n, repeat=repeat)
    pct = wall([b("sched_points_weft")] + n, env=weft_env("pct"), repeat=repeat)
    rnd = wall([b("sched_points_weft")] + n, env=weft_env("random"), repeat=repeat)
    pct_points, pct_switches = count_steps(b("sched_points_weft"), n, "pct")
    rnd_points, rnd_switches = count_steps(b("sched_points_weft"), n, "random")
    no_switch = (pct - base) / max(1, pct_points)
    switch = (rnd - pct) / max(1, rnd_switches - pct_switches)
    print(f"scheduling points (2 threads x {points} atomic increments):")
    print(f"  pct:    {pct_points:8d} points, {pct_switches:7d} switches, {pct * 1e3:8.1f} ms")
    print(f"  random: {rnd_points:8d} points, {rnd_switches:7d} switches, {rnd * 1e3:8.1f} ms")
    print(f"  a point without a switch      {no_switch * 1e9:9.1f} ns"
          "   (includes the atomic's own hook and race-detector work)")
    print(f"  a switch (baton hand-off)     {switch * 1e6:9.2f} us"
          "   (includes flushing the schedule to the event pipe)\n")

    # 3. Schedules per second in process mode.
    print(f"schedules per second, weft run on a small program ({schedules} runs, pct):")
    for jobs in (1, 2):
        cmd = [a.weft, "run", "--iterations", str(schedules), "-j", str(jobs), "--", b("small_weft")]
        start = time.perf_counter()
        result = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        elapsed = time.perf_counter() - start
        if result.returncode != 0:
            sys.exit(f"weft run -j {jobs} failed ({result.returncode}): {result.stderr.strip()}")
        rate = schedules / elapsed
        print(f"  -j {jobs}                          {rate:9.0f} schedules/s"
              f"   ({'meets' if rate >= 300 else 'BELOW'} the 300/s target)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
