#!/usr/bin/env python3
"""Benchmark of `weft lint` (run by hand; see bench/lint/README.md).

usage: run_lint_bench.py --weft WEFT --clang CLANG19 --source-root ROOT [--runs N] [--quick]
                         [--project BUILD_DIR]...

Prints, side by side in one run and on the same translation units:
  1. per TU: `weft lint -j 1` against `clang-19 -fsyntax-only` with the same flags weft gives
     clang (target: weft <= 1.3x clang);
  2. over all TUs: `weft lint -j 2` against `weft lint -j 1`, and -j 2 (two worker threads in
     one process, weft's design) against two `weft lint -j 1` processes splitting the files;
  3. the peak memory of the per-file phase beside the whole-program phase's (WEFT_LINT_STATS=1),
     on the big TU, on all TUs, and on each `--project BUILD_DIR` given (a real project's build
     directory with its compile_commands.json).
The TUs: bench/lint/big_tu.cpp (most of the standard library plus threaded code, ~160k lines
preprocessed) and a few programs of the corpus (testcases/).

The two commands of a pair run alternately, so a load change on a shared machine hits both.
Each cell shows the minimum wall time over the runs (the least disturbed run) and the median CPU
time (user + sys of the child, which other processes disturb much less than wall time).
"""
import argparse
import glob
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

CORPUS = ["races/counter_unlocked.cpp", "races/async_race.cpp", "deadlocks/lock_order_std.cpp",
          "clean/bounded_queue.cpp", "condvars/producer_consumer_cv.cpp"]
FLAGS = ["-std=c++20", "-O2", "-pthread"]


def measure(command):
    """(wall seconds, cpu seconds, exit status, stderr) of one run of `command`, or of several
    commands started together when `command` is a tuple of commands (the process alternative)."""
    commands = command if isinstance(command, tuple) else (command,)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    procs = [subprocess.Popen(c, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
             for c in commands]
    errs = [p.communicate()[1].decode(errors="replace") for p in procs]
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    status = max(p.returncode for p in procs)
    return wall, cpu, status, "".join(errs)


def compare(a, b, runs):
    """Runs commands a and b alternately `runs` times (after one warm-up each)."""
    samples = {"a": [], "b": []}
    for cmd in (a, b):  # warm the page cache and the shared libraries
        measure(cmd)
    for _ in range(runs):
        for key, cmd in (("a", a), ("b", b)):
            wall, cpu, rc, err = measure(cmd)
            if rc not in (0, 1):
                sys.exit(f"run_lint_bench: {cmd} failed ({rc}):\n{err}")
            samples[key].append((wall, cpu))
    def summary(xs):
        return min(w for w, _ in xs), statistics.median(c for _, c in xs)
    return summary(samples["a"]), summary(samples["b"])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--weft", required=True)
    parser.add_argument("--clang", required=True)
    parser.add_argument("--source-root", required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="one run of one small TU (smoke test)")
    parser.add_argument("--project", action="append", default=[],
                        help="a build directory with compile_commands.json (memory figures)")
    args = parser.parse_args()
    # weft runs in a scratch directory, so relative paths (`--source-root .`) must be resolved.
    args.source_root = os.path.abspath(args.source_root)

    here = os.path.join(args.source_root, "bench/lint")
    files = [os.path.join(here, "big_tu.cpp")]
    files += [p for p in (os.path.join(args.source_root, "testcases", c) for c in CORPUS)
              if os.path.exists(p)]
    runs = args.runs
    if args.quick:
        files = [os.path.join(args.source_root, "tools/weft/lint/tests/projects/race/race.cpp")]
        runs = 1

    build = tempfile.mkdtemp(prefix="weft-lint-bench-")
    try:
        return run(args, files, runs, build)
    finally:
        shutil.rmtree(build, ignore_errors=True)


def run(args, files, runs, build):
    entries = [{"directory": build, "file": f,
                "arguments": ["/usr/bin/g++"] + FLAGS + ["-c", f, "-o", f"{i}.o"]}
               for i, f in enumerate(files)]
    with open(os.path.join(build, "compile_commands.json"), "w") as f:
        json.dump(entries, f, indent=2)

    def weft(extra):
        return [args.weft, "lint", "-p", build, "--format", "json"] + extra

    cores = len(os.sched_getaffinity(0))
    load = os.getloadavg()[0]
    print(f"weft lint benchmark: {len(files)} TUs, {runs} alternating runs per pair, "
          f"{cores} cores, load average {load:.1f}")
    print("wall = minimum over the runs, cpu = median user+sys\n")
    header = (f"{'translation unit':44} {'clang -fsyntax-only':>22} {'weft lint -j 1':>22} "
              f"{'ratio wall':>10} {'ratio cpu':>10}")
    print(header)
    print("-" * len(header))
    for f in files:
        clang = [args.clang] + FLAGS + ["-fsyntax-only", "-w", f]
        (cw, cc), (ww, wc) = compare(clang, weft(["-j", "1", f]), runs)
        name = os.path.relpath(f, args.source_root)
        print(f"{name:44} {cw * 1000:8.0f} ms {cc * 1000:6.0f} cpu {ww * 1000:8.0f} ms "
              f"{wc * 1000:6.0f} cpu {ww / cw:9.2f}x {wc / cc:9.2f}x", flush=True)

    if len(files) > 1:
        (w1, c1), (w2, c2) = compare(weft(["-j", "1"]), weft(["-j", "2"]), runs)
        print(f"\nall {len(files)} TUs: weft lint -j 1 {w1 * 1000:.0f} ms wall ({c1 * 1000:.0f} ms cpu), "
              f"-j 2 {w2 * 1000:.0f} ms wall ({c2 * 1000:.0f} ms cpu): speed-up {w1 / w2:.2f}x",
              flush=True)
        # The alternative design: one process per core, each with half the files (big TU alone).
        halves = (weft(["-j", "1", files[0]]), weft(["-j", "1"] + files[1:]))
        (wt, ct), (wp, cp) = compare(weft(["-j", "2"]), halves, runs)
        print(f"threads vs processes: -j 2 {wt * 1000:.0f} ms wall ({ct * 1000:.0f} ms cpu), "
              f"2 processes -j 1 {wp * 1000:.0f} ms wall ({cp * 1000:.0f} ms cpu)")

    print(f"\n{'peak memory (RSS)':44} {'per-file phase':>16} {'whole-program phase':>22}")
    targets = [(os.path.relpath(files[0], args.source_root), weft(["-j", "1", files[0]]))]
    if len(files) > 1:
        targets.append((f"all {len(files)} TUs", weft(["-j", "1"])))
    for p in args.project:
        targets.append((p, [args.weft, "lint", "-p", p, "-j", "1", "--format", "json",
                            "-o", os.devnull]))
    for name, cmd in targets:
        per_file, program, above = memory(cmd)
        print(f"{name[-44:]:44} {per_file:12} MiB {program:15} MiB (+{above} MiB)", flush=True)
    return 0


def memory(cmd):
    """(per-file peak, whole-program peak, whole-program growth) in MiB, from one run."""
    env = dict(os.environ, WEFT_LINT_STATS="1")
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    err = proc.stderr.decode(errors="replace")
    m = re.search(r"peak memory (\d+) MiB in the per-file phase, (\d+) MiB in the "
                  r"whole-program phase \((-?\d+) MiB above its start\)", err)
    if proc.returncode not in (0, 1) or not m:
        sys.exit(f"run_lint_bench: {cmd} gave no memory figures ({proc.returncode}):\n{err}")
    return int(m.group(1)), int(m.group(2)), int(m.group(3))


if __name__ == "__main__":
    sys.exit(main())
