#!/usr/bin/env python3
"""Whole-project benchmark of `weft lint` (run by hand; see bench/lint/README.md).

usage: run_project_bench.py --weft WEFT [--files N] [--cxx CXX] [--runs N] [--quick]
                            [--project BUILD_DIR]... [--no-generated] [--keep DIR]

Answers issue 10's target: on a 100-file project, `weft lint` costs at most the project's own
compile in CPU time (ratio <= 1.0x) and peaks at no more than 1 GiB. For the project that
gen_project.py writes (N translation units, default 100) and for each `--project BUILD_DIR`
given (a real build directory with its compile_commands.json) it measures:
  - compile: every compile_commands.json entry's own command (its compiler, its flags, a real
    `-c` compile), run one after another in the entry's directory, with the object (and any
    dependency file) sent to a scratch directory so the build tree is left alone;
  - lint: `weft lint -j 1 -p BUILD_DIR`, one worker like the sequential compile, with
    WEFT_LINT_STATS=1 so weft prints its per-phase peak memory.
The compile and the lint run alternately, so a load change on this shared machine hits both.
CPU time is user + sys of the child and every process it waited for (os.wait4), the median
over the runs; wall time is the minimum. It prints a table with the ratio and PASS/FAIL against
the targets, and exits 0 unless something broke (a compile or lint that failed): timing on a
shared machine is too noisy to gate a test on.
"""
import argparse
import json
import os
import re
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

import gen_project

TARGET_RATIO = 1.0
TARGET_PEAK_MIB = 1024


class Broke(Exception):
    """A compile or a lint run failed: the figures would be meaningless."""


def run_child(argv, cwd=None, env=None, stderr_path=None):
    """(wall s, cpu s, peak RSS MiB, exit status) of one run of argv.

    os.wait4 gives the rusage of this child alone (the compiler driver plus the cc1plus and as
    it waited for), where RUSAGE_CHILDREN would mix in every earlier child's peak."""
    with open(stderr_path or os.devnull, "wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped: Popen must not wait again
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, proc.returncode


def entry_argv(entry):
    """The compile command of a compile_commands.json entry as an argument list."""
    if "arguments" in entry:
        return list(entry["arguments"])
    return shlex.split(entry["command"])


def redirect_outputs(argv, scratch, index):
    """argv with its object (-o) and dependency file (-MF) moved into `scratch`, so timing a
    project's compile never touches its build tree; an -o is added if the command has none."""
    out, saw_output, i = [], False, 0
    while i < len(argv):
        arg = argv[i]
        if arg in ("-o", "-MF") and i + 1 < len(argv):
            saw_output |= arg == "-o"
            out += [arg, os.path.join(scratch, f"{index}{'.o' if arg == '-o' else '.d'}")]
            i += 2
            continue
        if arg.startswith("-o") and len(arg) > 2:
            saw_output = True
            arg = "-o" + os.path.join(scratch, f"{index}.o")
        elif arg.startswith("-MF") and len(arg) > 3:
            arg = "-MF" + os.path.join(scratch, f"{index}.d")
        out.append(arg)
        i += 1
    if not saw_output:
        out += ["-o", os.path.join(scratch, f"{index}.o")]
    return out


def compile_jobs(build_dir, scratch):
    """[(directory, argv)] of every entry of build_dir/compile_commands.json, outputs redirected."""
    with open(os.path.join(build_dir, "compile_commands.json")) as f:
        entries = json.load(f)
    return [(e["directory"], redirect_outputs(entry_argv(e), scratch, i))
            for i, e in enumerate(entries)]


def compile_project(jobs, log):
    """(wall, cpu, largest peak MiB) of compiling every job in turn; raises Broke on a failure."""
    wall = cpu = peak = 0.0
    for directory, argv in jobs:
        w, c, p, rc = run_child(argv, cwd=directory, stderr_path=log)
        if rc != 0:
            raise Broke(f"compile failed ({rc}) in {directory}: {shlex.join(argv)}\n"
                        + tail(log))
        wall, cpu, peak = wall + w, cpu + c, max(peak, p)
    return wall, cpu, peak


def lint_project(weft, build_dir, report, log, files=()):
    """One `weft lint -j 1` run: (wall, cpu, peak MiB, per-file MiB, whole-program MiB).

    The peak is the larger of wait4's and weft's own figures: weft resets the kernel's
    high-water mark between its phases (to measure the second), and ru_maxrss comes from it."""
    argv = [weft, "lint", "-p", build_dir, "-j", "1", "--format", "json", "-o", report]
    argv += list(files)
    env = dict(os.environ, WEFT_LINT_STATS="1")
    wall, cpu, peak, rc = run_child(argv, env=env, stderr_path=log)
    if rc not in (0, 1):  # 1 is "findings", 2 is weft failing
        raise Broke(f"weft lint failed ({rc}): {shlex.join(argv)}\n" + tail(log))
    per_file, program = phase_memory(log)
    return wall, cpu, max(peak, per_file, program), per_file, program


def phase_memory(log):
    """(per-file phase MiB, whole-program phase MiB) from weft's WEFT_LINT_STATS line."""
    with open(log, errors="replace") as f:
        m = re.search(r"peak memory (\d+) MiB in the per-file phase, (\d+) MiB in the "
                      r"whole-program phase", f.read())
    if not m:
        raise Broke("weft lint printed no memory figures (WEFT_LINT_STATS=1):\n" + tail(log))
    return int(m.group(1)), int(m.group(2))


def findings_summary(report):
    """'N (k rule, ...)' from a weft JSON report."""
    with open(report) as f:
        findings = json.load(f).get("findings", [])
    rules = {}
    for finding in findings:
        rules[finding["rule"]] = rules.get(finding["rule"], 0) + 1
    parts = ", ".join(f"{n} {r}" for r, n in sorted(rules.items(), key=lambda x: (-x[1], x[0])))
    return f"{len(findings)}" + (f" ({parts})" if parts else "")


def tail(path, lines=20):
    with open(path, errors="replace") as f:
        return "".join(f.readlines()[-lines:])


def measure_project(weft, build_dir, runs, warm_up, scratch):
    """The figures of one project: compile and lint alternately `runs` times."""
    objects = os.path.join(scratch, "objects")
    os.makedirs(objects, exist_ok=True)
    jobs = compile_jobs(build_dir, objects)
    log = os.path.join(scratch, "stderr.log")
    report = os.path.join(scratch, "report.json")
    if warm_up:  # the headers and weft's shared libraries into the page cache, on one TU
        compile_project(jobs[:1], log)
        with open(os.path.join(build_dir, "compile_commands.json")) as f:
            first = json.load(f)[0]
        lint_project(weft, build_dir, report, log,
                     [os.path.join(first["directory"], first["file"])])  # "file" may be relative
    compiles, lints = [], []
    for _ in range(runs):
        compiles.append(compile_project(jobs, log))
        lints.append(lint_project(weft, build_dir, report, log))
    return {"tus": len(jobs),
            "compile_wall": min(c[0] for c in compiles),
            "compile_cpu": statistics.median(c[1] for c in compiles),
            "compile_peak": max(c[2] for c in compiles),
            "lint_wall": min(x[0] for x in lints),
            "lint_cpu": statistics.median(x[1] for x in lints),
            "lint_peak": max(x[2] for x in lints),
            "per_file": max(x[3] for x in lints),
            "program": max(x[4] for x in lints),
            "findings": findings_summary(report)}


def verdict(figures):
    """PASS, or FAIL with the targets missed."""
    missed = []
    if figures["lint_cpu"] > TARGET_RATIO * figures["compile_cpu"]:
        missed.append(f"cpu > {TARGET_RATIO:.1f}x")
    if figures["lint_peak"] > TARGET_PEAK_MIB:
        missed.append(f"peak > {TARGET_PEAK_MIB} MiB")
    return "PASS" if not missed else "FAIL (" + ", ".join(missed) + ")"


HEADER = (f"{'project':40} {'TUs':>4} {'compile cpu':>12} {'lint cpu':>10} {'ratio':>6} "
          f"{'compile wall':>13} {'lint wall':>10} {'lint peak':>10} {'per-file/whole':>15} "
          f"{'compile peak':>13}  verdict")


def table_row(name, f):
    ratio = f["lint_cpu"] / f["compile_cpu"]
    return (f"{name[-40:]:40} {f['tus']:4} {f['compile_cpu']:10.1f} s {f['lint_cpu']:8.1f} s "
            f"{ratio:5.2f}x {f['compile_wall']:11.1f} s {f['lint_wall']:8.1f} s "
            f"{f['lint_peak']:6.0f} MiB {f['per_file']:6} / {f['program']:<4}  "
            f"{f['compile_peak']:6.0f} MiB  {verdict(f)}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--weft", required=True)
    parser.add_argument("--files", type=int, default=100,
                        help="translation units of the generated project")
    parser.add_argument("--cxx", default="g++", help="the generated project's compiler")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--quick", action="store_true",
                        help="smoke test: a 4-file project, one run, no warm-up")
    parser.add_argument("--project", action="append", default=[],
                        help="a build directory with compile_commands.json")
    parser.add_argument("--no-generated", action="store_true",
                        help="measure only the --project directories")
    parser.add_argument("--keep", metavar="DIR",
                        help="generate the project into DIR and leave it there")
    args = parser.parse_args()
    if args.quick:
        args.files, args.runs = 4, 1

    # A benchmark stopped with kill (it runs for many minutes) still removes its scratch copy.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(2))
    scratch = tempfile.mkdtemp(prefix="weft-project-bench-")
    try:
        return run(args, scratch)
    except Broke as e:
        print(f"run_project_bench: {e}", file=sys.stderr)
        return 2
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def run(args, scratch):
    projects = []
    if not args.no_generated:
        root = os.path.abspath(args.keep or os.path.join(scratch, "generated"))
        gen_project.generate(root, args.files, args.cxx)
        projects.append((f"generated ({os.path.basename(args.cxx)} -O2)",
                         os.path.join(root, "build")))
    projects += [(p, os.path.abspath(p)) for p in args.project]

    cores = len(os.sched_getaffinity(0))
    print(f"weft lint on whole projects: {args.runs} alternating run(s) of the sequential "
          f"compile and `weft lint -j 1`, {cores} cores, load average {os.getloadavg()[0]:.1f}")
    print(f"targets: lint cpu <= {TARGET_RATIO:.1f}x the project's compile cpu, lint peak <= "
          f"{TARGET_PEAK_MIB} MiB; cpu = median user+sys, wall = minimum\n")
    print(HEADER)
    print("-" * len(HEADER))
    findings = []
    for i, (name, build_dir) in enumerate(projects):
        work = os.path.join(scratch, f"project-{i}")
        figures = measure_project(args.weft, build_dir, args.runs, not args.quick, work)
        print(table_row(name, figures), flush=True)
        findings.append((name, figures["findings"]))
    print()
    for name, summary in findings:
        print(f"findings, {name}: {summary}")
    print(f"load average at the end {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
