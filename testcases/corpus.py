#!/usr/bin/env python3
"""The corpus runner: the one place that reads the `// weft-expect` headers of testcases/ and
compares what `weft lint` and `weft run` report with them. Standard library only.

  corpus.py list [--json]                       parse and validate every case
  corpus.py build --case FILE --out DIR [--cxx C++]... [--cc CC]...
                                                compile a case plain and with -fsanitize=thread
  corpus.py check-lint --weft BIN --case FILE   run `weft lint` on one case and compare
  corpus.py check-run --weft BIN --cxx WRAPPER [--cc WRAPPER] --compiler g++|clang++ --case FILE
                      [--iterations N]          run, replay every finding, re-run for determinism
  corpus.py selftest                            unit tests of the parsing and the comparison

The header format and the comparison rules are documented in docs/corpus.md.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
from dataclasses import dataclass, field

HERE = os.path.dirname(os.path.abspath(__file__))

CATEGORIES = ("races", "locking", "deadlocks", "condvars", "atomics", "lifetime", "clean")
TOOLS = ("lint", "run")
# Which rules each tool raises, read from the one rule catalogue (report.catalogue.corpus checks
# this reading against the compiled catalogue).
CATALOGUE = os.path.join(HERE, "..", "report", "src", "Rules.def")
RULE_ENTRY_RE = re.compile(r'^WEFT_RULE\(\s*"([a-z-]+)",\s*\w+,\s*\w+,\s*(Lint|Run|Both)\b', re.M)


def read_catalogue(path=CATALOGUE):
    """{"lint": {rule ids}, "run": {rule ids}} from Rules.def's WEFT_RULE(id, Name, severity,
    raisedBy, ...) entries."""
    with open(path, encoding="utf-8") as f:
        entries = RULE_ENTRY_RE.findall(f.read())
    if not entries:
        raise RuntimeError(f"{path}: no WEFT_RULE entries found")
    return {tool: {rule for rule, by in entries if by in (tool.capitalize(), "Both")}
            for tool in TOOLS}


RULES = read_catalogue()
# Expectations must sit near the top of the file, in its header comment.
HEADER_LINES = 20

EXPECT_RE = re.compile(r"^\s*//\s*weft-expect(?:-(lint|run))?:\s*(.*?)\s*$")
LINE_RE = re.compile(r"//\s*weft-line:\s*(\S+)\s*$")
# Anything that looks like a directive but is not one of ours (a typo must not pass silently).
DIRECTIVE_RE = re.compile(r"//\s*(weft-[a-z-]+):")
KNOWN_DIRECTIVES = {"weft-expect", "weft-expect-lint", "weft-expect-run", "weft-line"}
VARIABLE_RE = re.compile(r"^[A-Za-z_*][A-Za-z0-9_:*.\->\[\]]*$")


@dataclass
class Expectation:
    """One `rule [variable]` item; `a|b` lists accepted alternatives for either part."""
    rules: list
    variables: list = None  # None: any variable (or none) is accepted
    lineno: int = 0

    def text(self):
        s = "|".join(self.rules)
        if self.variables is not None:
            s += " " + "|".join(self.variables)
        return s

    def matches(self, finding):
        if finding.get("rule") not in self.rules:
            return False
        return self.variables is None or finding.get("variable", "") in self.variables


@dataclass
class Case:
    path: str
    category: str = ""
    name: str = ""
    expect: dict = field(default_factory=lambda: {"lint": [], "run": []})
    clean: dict = field(default_factory=lambda: {"lint": False, "run": False})
    covered: dict = field(default_factory=lambda: {"lint": False, "run": False})
    marks: list = field(default_factory=list)  # (line number, rule) from `// weft-line:`
    problems: list = field(default_factory=list)

    @property
    def is_c(self):
        return self.path.endswith(".c")

    def id(self):
        return f"{self.category}/{self.name}"

    def summary(self, tool):
        if self.clean[tool]:
            return "clean"
        return ", ".join(e.text() for e in self.expect[tool]) or "(none)"

    def to_json(self):
        return {
            "path": self.path, "category": self.category, "name": self.name,
            "language": "c" if self.is_c else "c++",
            "expect": {t: ("clean" if self.clean[t] else
                           [{"rules": e.rules, "variables": e.variables} for e in self.expect[t]])
                       for t in TOOLS},
            "lines": [{"line": n, "rule": r} for n, r in self.marks],
        }


def parse_case_text(path, text):
    """Parses the header and `weft-line` marks of one case; problems go to Case.problems."""
    case = Case(path=path)
    parent = os.path.basename(os.path.dirname(os.path.abspath(path)))
    case.category = parent
    case.name = os.path.splitext(os.path.basename(path))[0]
    where = os.path.relpath(path, HERE) if os.path.isabs(path) else path
    if parent not in CATEGORIES:
        case.problems.append(f"{where}: category '{parent}' is not one of {', '.join(CATEGORIES)}")
    if not (path.endswith(".cpp") or path.endswith(".c")):
        case.problems.append(f"{where}: a case is a .cpp or .c file")

    for lineno, line in enumerate(text.splitlines(), 1):
        for directive in DIRECTIVE_RE.findall(line):
            if directive not in KNOWN_DIRECTIVES:
                case.problems.append(f"{where}:{lineno}: unknown directive '{directive}'")
        m = EXPECT_RE.match(line)
        if m:
            if lineno > HEADER_LINES:
                case.problems.append(
                    f"{where}:{lineno}: weft-expect must be in the first {HEADER_LINES} lines")
            tools = (m.group(1),) if m.group(1) else TOOLS
            _parse_expect(case, where, lineno, tools, m.group(2))
            continue
        m = LINE_RE.search(line)
        if m:
            case.marks.append((lineno, m.group(1)))

    for tool in TOOLS:
        if not case.covered[tool]:
            case.problems.append(f"{where}: no expectation for `weft {tool}` "
                                 f"(add `// weft-expect:` or `// weft-expect-{tool}:`)")
        if case.clean[tool] and case.expect[tool]:
            case.problems.append(f"{where}: `weft {tool}` is expected both clean and to find "
                                 f"{case.summary(tool)}")
    for lineno, rule in case.marks:
        if not any(rule in e.rules for t in TOOLS for e in case.expect[t]):
            case.problems.append(f"{where}:{lineno}: weft-line '{rule}' matches no expectation")
    return case


def _parse_expect(case, where, lineno, tools, body):
    for tool in tools:
        case.covered[tool] = True
    words = body.split()
    if words == ["clean"]:
        for tool in tools:
            case.clean[tool] = True
        return
    if not words or len(words) > 2:
        case.problems.append(f"{where}:{lineno}: expected `rule [variable]` or `clean`, "
                             f"got '{body}'")
        return
    rules = words[0].split("|")
    variables = words[1].split("|") if len(words) == 2 else None
    for rule in rules:
        for tool in tools:
            if rule not in RULES[tool]:
                case.problems.append(f"{where}:{lineno}: rule '{rule}' is not a `weft {tool}` "
                                     f"rule")
    for var in variables or []:
        if not VARIABLE_RE.match(var):
            case.problems.append(f"{where}:{lineno}: '{var}' is not a variable name")
    for tool in tools:
        case.expect[tool].append(Expectation(rules=rules, variables=variables, lineno=lineno))


def parse_case(path):
    with open(path, encoding="utf-8") as f:
        return parse_case_text(path, f.read())


def all_case_paths(root=HERE):
    paths = []
    for category in sorted(os.listdir(root)):
        d = os.path.join(root, category)
        if not os.path.isdir(d) or category.startswith("."):
            continue
        for name in sorted(os.listdir(d)):
            if name.endswith(".cpp") or name.endswith(".c"):
                paths.append(os.path.join(d, name))
    return paths


# ----------------------------------------------------------------------------------------------
# Comparison

def _finding_lines(finding):
    lines = [finding.get("location", {}).get("line")]
    for rel in finding.get("related", []) or []:
        lines.append((rel.get("location") or {}).get("line"))
    return lines


def _describe(finding):
    loc = finding.get("location", {}) or {}
    var = finding.get("variable") or "-"
    return f"{finding.get('rule')} {var} at {loc.get('file', '?')}:{loc.get('line', '?')}"


def compare(case, tool, report):
    """Compares one tool's report with the case. Returns (ok, list of lines to print)."""
    findings = report.get("findings")
    if not isinstance(findings, list):
        return False, ["report has no findings[] array"]
    out = []
    ok = True
    if case.clean[tool]:
        if findings:
            ok = False
            out.append(f"expected clean, got {len(findings)} finding(s):")
            out += ["  " + _describe(f) for f in findings]
        return ok, out

    used = set()
    for exp in case.expect[tool]:
        hits = [i for i, f in enumerate(findings) if exp.matches(f)]
        if hits:
            used.update(hits)
            out.append(f"found    {exp.text()}: {_describe(findings[hits[0]])}")
        else:
            ok = False
            near = [f for f in findings if f.get("rule") in exp.rules]
            why = ""
            if near:
                why = " (same rule, other variable: " + ", ".join(
                    repr(f.get("variable", "")) for f in near) + ")"
            out.append(f"MISSING  {exp.text()}{why}")

    base = os.path.basename(case.path)
    for lineno, rule in case.marks:
        exps = [e for e in case.expect[tool] if rule in e.rules]
        if not exps:
            continue  # this mark is for the other tool
        hits = [f for f in findings if any(e.matches(f) for e in exps)
                and lineno in _finding_lines(f)
                and os.path.basename((f.get("location") or {}).get("file", "") or base) == base]
        if hits:
            out.append(f"found    {rule} at line {lineno}")
        else:
            ok = False
            out.append(f"MISSING  {rule} at line {lineno} (weft-line; no finding has it as its "
                       f"primary or related location)")

    extra = [f for i, f in enumerate(findings) if i not in used]
    for f in extra:
        out.append(f"extra    {_describe(f)} (allowed)")
    return ok, out


# ----------------------------------------------------------------------------------------------
# Commands

def cmd_list(args):
    cases = [parse_case(p) for p in all_case_paths()]
    problems = [p for c in cases for p in c.problems]
    if args.json:
        json.dump({"cases": [c.to_json() for c in cases]}, sys.stdout, indent=2)
        print()
    else:
        for c in cases:
            print(f"{c.id():45} lint: {c.summary('lint'):40} run: {c.summary('run')}")
        print(f"{len(cases)} cases")
    if args.min_cases and len(cases) < args.min_cases:
        problems.append(f"only {len(cases)} cases, at least {args.min_cases} required")
    for p in problems:
        print(p, file=sys.stderr)
    return 1 if problems else 0


def _case_or_die(path):
    case = parse_case(path)
    if case.problems:
        for p in case.problems:
            print(p, file=sys.stderr)
        sys.exit(2)
    return case


def _run(cmd, timeout, env=None, cwd=None):
    print("$ " + " ".join(cmd), flush=True)
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env,
                              cwd=cwd)
    except subprocess.TimeoutExpired:
        print(f"FAIL: timed out after {timeout} s")
        return None


def _show_output(proc, limit=4000):
    for stream in (proc.stdout, proc.stderr):
        if stream and stream.strip():
            print(stream[-limit:].rstrip())


def cmd_build(args):
    case = _case_or_die(args.case)
    compilers = args.cc if case.is_c else args.cxx
    if not compilers:
        print(f"no {'--cc' if case.is_c else '--cxx'} compiler given", file=sys.stderr)
        return 2
    os.makedirs(args.out, exist_ok=True)
    std = [] if case.is_c else ["-std=c++20"]
    failed = 0
    for compiler in compilers:
        for tsan in (False, True):
            tag = os.path.basename(compiler) + ("-tsan" if tsan else "")
            out = os.path.join(args.out, f"{case.name}.{tag}")
            cmd = [compiler] + std + ["-pthread", "-g", "-O1", "-Wall", "-Wextra"]
            cmd += (["-fsanitize=thread"] if tsan else []) + [os.path.abspath(args.case), "-o", out]
            proc = _run(cmd, timeout=300)
            if proc is None or proc.returncode != 0:
                failed += 1
                if proc:
                    _show_output(proc)
                print(f"FAIL: {tag}")
            elif proc.stderr.strip():
                print(proc.stderr.rstrip())
                print(f"warning: {tag} printed diagnostics")
    print(f"{case.id()}: {'FAIL' if failed else 'ok'} "
          f"({2 * len(compilers) - failed}/{2 * len(compilers)} builds)")
    return 1 if failed else 0


def _load_report(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError) as e:
        print(f"FAIL: cannot read report {path}: {e}")
        return None


def _verdict(case, tool, ok, lines):
    print(f"expected ({tool}): {case.summary(tool)}")
    for line in lines:
        print("  " + line)
    print(f"{'PASS' if ok else 'FAIL'}: weft {tool} on {case.id()}")
    return 0 if ok else 1


def _workdir(args):
    d = tempfile.mkdtemp(prefix="weft-corpus-")
    return d


def _cleanup(args, d, status):
    if status == 0 and not args.keep:
        shutil.rmtree(d, ignore_errors=True)
    else:
        print(f"(work files kept in {d})")
    return status


def cmd_check_lint(args):
    case = _case_or_die(args.case)
    d = _workdir(args)
    return _cleanup(args, d, _check_lint(args, case, d))


def _check_lint(args, case, d):
    src = os.path.abspath(args.case)
    if case.is_c:
        compile_args = ["clang", "-pthread", "-c", src]
    else:
        compile_args = ["clang++", "-std=c++20", "-pthread", "-c", src]
    db = [{"directory": os.path.dirname(src), "file": src,
           "arguments": compile_args + ["-o", os.path.join(d, "out.o")]}]
    with open(os.path.join(d, "compile_commands.json"), "w", encoding="utf-8") as f:
        json.dump(db, f, indent=2)
    out = os.path.join(d, "out.json")
    proc = _run([args.weft, "lint", "-p", d, src, "--format", "json", "-o", out], args.timeout)
    if proc is None:
        return 1
    if proc.returncode not in (0, 1):
        _show_output(proc)
        print(f"FAIL: weft lint exited {proc.returncode}")
        return 1
    report = _load_report(out)
    if report is None:
        _show_output(proc)
        return 1
    ok, lines = compare(case, "lint", report)
    ok = _check_status(proc.returncode, report, lines) and ok
    return _verdict(case, "lint", ok, lines)


def _check_status(code, report, lines):
    n = len(report.get("findings") or [])
    if (code == 1) != (n > 0):
        lines.append(f"WRONG    exit status {code} with {n} finding(s) (0 clean, 1 findings)")
        return False
    return True


def _c_compiler_for(compiler):
    """g++ -> gcc, clang++ -> clang, keeping the directory (and a version suffix) if any."""
    head, name = os.path.split(compiler)
    name = re.sub(r"^g\+\+", "gcc", name)
    name = re.sub(r"^clang\+\+", "clang", name)
    return os.path.join(head, name)


def cmd_check_run(args):
    case = _case_or_die(args.case)
    d = _workdir(args)
    return _cleanup(args, d, _check_run(args, case, d))


def _check_run(args, case, d):
    src = os.path.abspath(args.case)
    prog = os.path.join(d, "prog")
    env = dict(os.environ)
    if case.is_c:
        if not args.cc:
            print("FAIL: a C case needs --cc WRAPPER")
            return 1
        env["WEFT_CC"] = _c_compiler_for(args.compiler)
        cmd = [args.cc, "-g", "-O1", "-pthread", src, "-o", prog]
    else:
        env["WEFT_CXX"] = args.compiler
        cmd = [args.cxx, "-std=c++20", "-g", "-O1", "-pthread", src, "-o", prog]
    proc = _run(cmd, 300, env=env)
    if proc is None or proc.returncode != 0:
        if proc:
            _show_output(proc)
        print("FAIL: could not build the case with the weft wrapper")
        return 1

    def weft_run(out):
        return _run([args.weft, "run", "--seed", "1", "--iterations", str(args.iterations),
                     "-o", out, "--", prog], args.timeout, cwd=d)

    r1 = os.path.join(d, "r.json")
    proc = weft_run(r1)
    if proc is None:
        return 1
    if proc.returncode not in (0, 1):
        _show_output(proc)
        print(f"FAIL: weft run exited {proc.returncode}")
        return 1
    report = _load_report(r1)
    if report is None:
        _show_output(proc)
        return 1
    ok, lines = compare(case, "run", report)
    ok = _check_status(proc.returncode, report, lines) and ok

    findings = report.get("findings") or []
    for i, finding in enumerate(findings[:args.max_replays]):
        ok = _check_replay(args, d, prog, r1, i, finding, lines) and ok

    r2 = os.path.join(d, "r2.json")
    proc2 = weft_run(r2)
    again = _load_report(r2) if proc2 is not None else None
    if again is None:
        ok = False
        lines.append("WRONG    second run with the same seed produced no report")
    else:
        a, b = dict(report), dict(again)
        a.pop("started_at", None)
        b.pop("started_at", None)
        if json.dumps(a) == json.dumps(b):
            lines.append("same     second run with seed 1 gave the same report")
        else:
            ok = False
            lines.append("WRONG    second run with seed 1 gave a different report "
                         f"(compare {r1} and {r2}; kept)")
    return _verdict(case, "run", ok, lines)


def _check_replay(args, d, prog, r1, i, finding, lines):
    rule = finding.get("rule")
    out = os.path.join(d, f"replay{i}.json")
    base = [args.weft, "replay", r1, "--finding", str(i)]
    proc = _run(base + ["-o", out, "--", prog], args.timeout, cwd=d)
    if proc is not None and proc.returncode == 2 and not os.path.exists(out) \
            and "-o" in (proc.stderr or ""):
        proc = _run(base + ["--", prog], args.timeout, cwd=d)  # replay without -o support
    if proc is None:
        lines.append(f"WRONG    replay of finding {i} timed out")
        return False
    named = False
    if os.path.exists(out):
        rep = _load_report(out)
        named = rep is not None and any(f.get("rule") == rule for f in rep.get("findings") or [])
    else:
        named = re.search(r"(^|[^a-z-])" + re.escape(rule) + r"($|[^a-z-])",
                          (proc.stdout or "") + (proc.stderr or "")) is not None
    if proc.returncode == 1 and named:
        lines.append(f"replayed finding {i} ({rule})")
        return True
    _show_output(proc)
    lines.append(f"WRONG    replay of finding {i} ({rule}): exit {proc.returncode}, "
                 f"{'names' if named else 'does not name'} the rule")
    return False


# ----------------------------------------------------------------------------------------------
# Self-test: the parsing and comparison on fake reports. Must be able to fail.

def _finding(rule, variable="", line=10, related_lines=(), file="case.cpp"):
    return {"rule": rule, "variable": variable, "location": {"file": file, "line": line},
            "related": [{"location": {"file": file, "line": n}} for n in related_lines]}


def _case(text, path="/x/races/case.cpp"):
    return parse_case_text(path, text)


class ParseTest(unittest.TestCase):
    def test_both_tools(self):
        c = _case("// weft-expect: data-race counter\nint main() {}\n")
        self.assertEqual(c.problems, [])
        self.assertEqual(c.expect["lint"][0].rules, ["data-race"])
        self.assertEqual(c.expect["run"][0].variables, ["counter"])
        self.assertEqual((c.category, c.name), ("races", "case"))

    def test_tool_specific_and_alternatives(self):
        c = _case("// weft-expect-lint: lock-order-inversion\n"
                  "// weft-expect-run: deadlock|lock-order-inversion\n")
        self.assertEqual(c.problems, [])
        self.assertEqual(c.expect["run"][0].rules, ["deadlock", "lock-order-inversion"])
        self.assertIsNone(c.expect["lint"][0].variables)

    def test_clean(self):
        c = _case("// weft-expect: clean\n", "/x/clean/ok.cpp")
        self.assertEqual(c.problems, [])
        self.assertTrue(c.clean["lint"] and c.clean["run"])

    def test_missing_tool(self):
        c = _case("// weft-expect-lint: data-race x\n")
        self.assertTrue(any("weft run" in p for p in c.problems))

    def test_no_header(self):
        self.assertEqual(len(_case("int main() {}\n").problems), 2)

    def test_unknown_rule(self):
        c = _case("// weft-expect: race counter\n")
        self.assertTrue(any("'race'" in p for p in c.problems))

    def test_rule_of_one_tool_only_in_shared_line(self):
        c = _case("// weft-expect: deadlock\n")  # lint has no `deadlock` rule
        self.assertTrue(any("weft lint" in p for p in c.problems))

    def test_clean_and_finding_conflict(self):
        c = _case("// weft-expect: clean\n// weft-expect-run: deadlock\n")
        self.assertTrue(any("both clean" in p for p in c.problems))

    def test_typo_directive(self):
        c = _case("// weft-expect: clean\n// weft-expects: data-race x\n", "/x/clean/a.cpp")
        self.assertTrue(any("unknown directive" in p for p in c.problems))

    def test_header_too_low(self):
        c = _case("\n" * 30 + "// weft-expect: clean\n", "/x/clean/a.cpp")
        self.assertTrue(any("first" in p for p in c.problems))

    def test_bad_category(self):
        c = _case("// weft-expect: clean\n", "/x/misc/a.cpp")
        self.assertTrue(any("category" in p for p in c.problems))

    def test_weft_line(self):
        c = _case("// weft-expect: data-race counter\n\n  ++counter; // weft-line: data-race\n")
        self.assertEqual(c.marks, [(3, "data-race")])
        self.assertEqual(c.problems, [])

    def test_weft_line_without_expectation(self):
        c = _case("// weft-expect: data-race c\nx; // weft-line: double-lock\n")
        self.assertTrue(any("weft-line" in p for p in c.problems))


class CompareTest(unittest.TestCase):
    RACE = "// weft-expect: data-race counter\n"

    def check(self, text, tool, findings, path="/x/races/case.cpp"):
        return compare(_case(text, path), tool, {"findings": findings})[0]

    def test_match(self):
        self.assertTrue(self.check(self.RACE, "lint", [_finding("data-race", "counter")]))

    def test_wrong_variable_fails(self):
        self.assertFalse(self.check(self.RACE, "lint", [_finding("data-race", "count")]))

    def test_wrong_rule_fails(self):
        self.assertFalse(self.check(self.RACE, "run", [_finding("deadlock")]))

    def test_nothing_found_fails(self):
        self.assertFalse(self.check(self.RACE, "run", []))

    def test_extra_findings_allowed(self):
        self.assertTrue(self.check(self.RACE, "run", [_finding("deadlock"),
                                                      _finding("data-race", "counter")]))

    def test_clean_with_a_finding_fails(self):
        self.assertFalse(self.check("// weft-expect: clean\n", "lint",
                                    [_finding("data-race", "x")], "/x/clean/a.cpp"))

    def test_clean_without_findings(self):
        self.assertTrue(self.check("// weft-expect: clean\n", "run", [], "/x/clean/a.cpp"))

    def test_tool_specific_clean(self):
        text = "// weft-expect-lint: clean\n// weft-expect-run: assertion-failure\n"
        self.assertTrue(self.check(text, "run", [_finding("assertion-failure")]))
        self.assertFalse(self.check(text, "lint", [_finding("data-race", "balance")]))
        self.assertTrue(self.check(text, "lint", []))

    def test_rule_alternatives(self):
        text = "// weft-expect-lint: lock-order-inversion\n" \
               "// weft-expect-run: deadlock|lock-order-inversion\n"
        self.assertTrue(self.check(text, "run", [_finding("deadlock")]))
        self.assertTrue(self.check(text, "run", [_finding("lock-order-inversion")]))
        self.assertFalse(self.check(text, "lint", [_finding("deadlock")]))

    def test_variable_alternatives(self):
        text = "// weft-expect: data-race total|*sum\n"
        self.assertTrue(self.check(text, "run", [_finding("data-race", "*sum")]))
        self.assertTrue(self.check(text, "run", [_finding("data-race", "total")]))
        self.assertFalse(self.check(text, "run", [_finding("data-race", "sum")]))

    def test_no_variable_given_accepts_any(self):
        self.assertTrue(self.check("// weft-expect: unlock-not-held\n", "lint",
                                   [_finding("unlock-not-held", "job_mutex")]))

    def test_every_expectation_needed(self):
        text = self.RACE + "// weft-expect-lint: data-race payload\n"
        self.assertFalse(self.check(text, "lint", [_finding("data-race", "counter")]))
        self.assertTrue(self.check(text, "run", [_finding("data-race", "counter")]))
        self.assertTrue(self.check(text, "lint", [_finding("data-race", "counter"),
                                                  _finding("data-race", "payload")]))

    def test_weft_line_primary_or_related(self):
        text = self.RACE + "\n\n  ++counter; // weft-line: data-race\n"  # line 4
        self.assertTrue(self.check(text, "lint", [_finding("data-race", "counter", line=4)]))
        self.assertTrue(self.check(text, "lint", [_finding("data-race", "counter", line=9,
                                                           related_lines=[4])]))
        self.assertFalse(self.check(text, "lint", [_finding("data-race", "counter", line=9)]))

    def test_weft_line_other_file_fails(self):
        text = self.RACE + "\n\n  ++counter; // weft-line: data-race\n"
        self.assertFalse(self.check(text, "lint", [_finding("data-race", "counter", line=4,
                                                            file="other.cpp")]))

    def test_weft_line_only_for_the_tool_expecting_it(self):
        text = "// weft-expect-lint: double-lock\n// weft-expect-run: double-lock|deadlock\n" \
               "m.lock(); // weft-line: double-lock\n"
        self.assertTrue(self.check(text, "run", [_finding("deadlock", line=3)]))
        self.assertFalse(self.check(text, "run", [_finding("deadlock", line=7)]))

    def test_missing_findings_array_fails(self):
        c = _case(self.RACE)
        self.assertFalse(compare(c, "lint", {})[0])


class HelperTest(unittest.TestCase):
    def test_c_compiler_for(self):
        self.assertEqual(_c_compiler_for("g++"), "gcc")
        self.assertEqual(_c_compiler_for("/usr/bin/g++-12"), "/usr/bin/gcc-12")
        self.assertEqual(_c_compiler_for("/usr/bin/clang++"), "/usr/bin/clang")


class CorpusTest(unittest.TestCase):
    def test_corpus_parses(self):
        cases = [parse_case(p) for p in all_case_paths()]
        self.assertEqual([p for c in cases for p in c.problems], [])
        self.assertGreaterEqual(len(cases), 40)


def cmd_selftest(args):
    suite = unittest.defaultTestLoader.loadTestsFromModule(sys.modules[__name__])
    result = unittest.TextTestRunner(verbosity=2 if args.verbose else 1).run(suite)
    return 0 if result.wasSuccessful() else 1


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="command", required=True)

    s = sub.add_parser("list", help="parse and validate every case")
    s.add_argument("--json", action="store_true")
    s.add_argument("--min-cases", type=int, default=0)
    s.set_defaults(func=cmd_list)

    s = sub.add_parser("build", help="compile one case plain and with -fsanitize=thread")
    s.add_argument("--case", required=True)
    s.add_argument("--out", required=True)
    s.add_argument("--cxx", action="append", default=[])
    s.add_argument("--cc", action="append", default=[])
    s.set_defaults(func=cmd_build)

    for name, func in (("check-lint", cmd_check_lint), ("check-run", cmd_check_run)):
        s = sub.add_parser(name)
        s.add_argument("--weft", required=True)
        s.add_argument("--case", required=True)
        s.add_argument("--timeout", type=int, default=240, help="per weft command, seconds")
        s.add_argument("--keep", action="store_true", help="keep the work directory")
        if name == "check-run":
            s.add_argument("--cxx", required=True, help="the weft-c++ wrapper")
            s.add_argument("--cc", help="the weft-cc wrapper (C cases)")
            s.add_argument("--compiler", required=True, help="g++ or clang++ (the real compiler)")
            s.add_argument("--iterations", type=int, default=1000)
            s.add_argument("--max-replays", type=int, default=5)
        s.set_defaults(func=func)

    s = sub.add_parser("selftest")
    s.add_argument("-v", "--verbose", action="store_true")
    s.set_defaults(func=cmd_selftest)

    args = p.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
