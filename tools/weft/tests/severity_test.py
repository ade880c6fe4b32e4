#!/usr/bin/env python3
"""report.severity.<rule>: one rule's findings carry the catalogue's severity everywhere a user
sees one: `weft lint`'s text, its JSON `severity`, its SARIF result `level` and rule
`defaultConfiguration.level`, and the same four for `weft run` on the same program.

usage: severity_test.py --weft WEFT --cc WEFT_CC --dump DUMP_RULES --rule RULE --case FILE.c
FILE.c is a corpus case that both tools report RULE on (e.g. deadlocks/double_lock_pthread.c).
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile


def run(cmd, cwd, env=None, ok=(0, 1)):
    p = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    if p.returncode not in ok:
        raise SystemExit(f"FAIL: {' '.join(cmd)} exited {p.returncode}\n{p.stdout}{p.stderr}")
    return p.stdout


def read(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def severities(tool, rule, text, report, sarif):
    """(where, severity) for every place the rule's findings state a severity."""
    out = [(f"{tool} text", s) for s in
           re.findall(r"^\S+: (error|warning|note): .*\[weft-" + re.escape(rule) + r"\]$", text,
                      re.M)]
    out += [(f"{tool} JSON severity", f.get("severity"))
            for f in report["findings"] if f["rule"] == rule]
    results = sarif["runs"][0]["results"]
    out += [(f"{tool} SARIF result level", r.get("level"))
            for r in results if r["ruleId"] == rule]
    out += [(f"{tool} SARIF rule defaultConfiguration.level", r["defaultConfiguration"]["level"])
            for r in sarif["runs"][0]["tool"]["driver"]["rules"] if r["id"] == rule]
    return out


def lint(args, d, src):
    db = [{"directory": os.path.dirname(src), "file": src,
           "arguments": ["clang", "-pthread", "-c", src, "-o", os.path.join(d, "out.o")]}]
    with open(os.path.join(d, "compile_commands.json"), "w", encoding="utf-8") as f:
        json.dump(db, f)
    base = [args.weft, "lint", "-p", d, src]
    text = run(base, d)
    run(base + ["--format", "json", "-o", "lint.json"], d)
    run(base + ["--format", "sarif", "-o", "lint.sarif"], d)
    return severities("lint", args.rule, text, read(os.path.join(d, "lint.json")),
                      read(os.path.join(d, "lint.sarif")))


def weft_run(args, d, src):
    env = dict(os.environ, WEFT_CC=shutil.which("clang") or "clang")
    run([args.cc, "-g", "-O1", "-pthread", src, "-o", "prog"], d, env=env, ok=(0,))
    run([args.weft, "run", "--seed", "1", "--iterations", "20", "-o", "run.json", "--",
         "./prog"], d)
    text = run([args.weft, "report", "run.json", "--no-color"], d)
    run([args.weft, "report", "run.json", "--format", "sarif", "-o", "run.sarif"], d)
    return severities("run", args.rule, text, read(os.path.join(d, "run.json")),
                      read(os.path.join(d, "run.sarif")))


def main(argv):
    p = argparse.ArgumentParser()
    for flag in ("--weft", "--cc", "--dump", "--rule", "--case"):
        p.add_argument(flag, required=True)
    args = p.parse_args(argv)
    rules = json.loads(run([args.dump], os.getcwd(), ok=(0,)))
    want = next(r["severity"] for r in rules if r["id"] == args.rule)
    d = tempfile.mkdtemp(prefix="weft-severity-")
    src = os.path.abspath(args.case)
    seen = lint(args, d, src) + weft_run(args, d, src)
    problems = [f"{where}: '{got}', the catalogue says '{want}'" for where, got in seen
                if got != want]
    for tool in ("lint", "run"):
        places = {where for where, _ in seen if where.startswith(tool + " ")}
        if len(places) != 4:
            problems.append(f"{tool}: expected a {args.rule} finding in text, JSON and SARIF, "
                            f"found it in: {sorted(places)}")
    for where, got in seen:
        print(f"{where}: {got}")
    if problems:
        print("\n".join(problems))
        print(f"FAIL (work files kept in {d})")
        return 1
    shutil.rmtree(d, ignore_errors=True)
    print(f"PASS: every {args.rule} finding is '{want}'")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
