#!/usr/bin/env python3
"""lint.self: `weft lint` on weft's own driver and report code (tools/weft, report/src; no tests),
taken from this build's compile_commands.json: a few dozen real multi-threaded C++ files that
include much of the standard library and LLVM. Every file must be analysed (no crash, no parse
error, no internal error) and, the code being race-free, nothing reported: a canary for crashes
and false alarms on code as people write it.

usage: self_lint_test.py --weft WEFT --build-dir BUILD
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--weft", required=True)
    parser.add_argument("--build-dir", required=True)
    a = parser.parse_args()
    with open(os.path.join(a.build_dir, "compile_commands.json")) as f:
        database = json.load(f)
    mine = [e for e in database
            if ("/tools/weft/" in e["file"] or "/report/src/" in e["file"]) and
            "/tests/" not in e["file"]]
    if len(mine) < 20:
        print(f"FAILED: only {len(mine)} of weft's own files in the database", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="weft-self-lint-") as tmp:
        with open(os.path.join(tmp, "compile_commands.json"), "w") as f:
            json.dump(mine, f)
        p = subprocess.run([a.weft, "lint", "-p", tmp, "-j", "2", "--format", "json"],
                           capture_output=True, text=True, timeout=600)
    if p.returncode != 0:
        print(f"FAILED: exit {p.returncode}\n{p.stderr}", file=sys.stderr)
        try:
            for f in json.loads(p.stdout).get("findings", []):
                print(f"  {f['rule']} {f.get('variable')} at {f['location']}", file=sys.stderr)
        except ValueError:
            pass
        return 1
    report = json.loads(p.stdout)
    print(f"passed: {len(report['inputs'])} files, no findings, no tool errors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
