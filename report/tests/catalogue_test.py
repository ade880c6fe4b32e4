#!/usr/bin/env python3
"""report.catalogue.*: the places outside C++ that name weft's rules agree with the one rule
catalogue (report/src/Rules.def, printed as JSON by weft_report_dump_rules).

usage: catalogue_test.py --dump BIN --source-root DIR TEST
TEST is one of: schema, corpus, docs, run, analyses. Each prints every disagreement and exits 1 on any.
The lint's checks are held against the catalogue in C++ (analyzer.CheckRegistry).
"""
import argparse
import glob
import json
import os
import re
import subprocess
import sys


def load_catalogue(dump):
    return json.loads(subprocess.run([dump], check=True, capture_output=True, text=True).stdout)


def ids(rules, tool=None):
    return {r["id"] for r in rules if tool is None or r[tool]}


def compare(what, got, want, of="rules"):
    """Problems when the set `got` (found in `what`) is not the catalogue's set `want`."""
    out = [f"{what}: has '{x}', not one of the catalogue's {of}" for x in sorted(got - want)]
    out += [f"{what}: misses '{x}', one of the catalogue's {of}" for x in sorted(want - got)]
    return out


def check_schema(rules, root):
    path = os.path.join(root, "docs", "report.schema.json")
    with open(path, encoding="utf-8") as f:
        enum = json.load(f)["$defs"]["finding"]["properties"]["rule"]["enum"]
    problems = compare(f"{path}: finding.rule's enum", set(enum), ids(rules))
    if enum != sorted(enum):
        problems.append(f"{path}: finding.rule's enum is not sorted")
    return problems


def check_corpus(rules, root):
    sys.path.insert(0, os.path.join(root, "testcases"))
    import corpus  # noqa: E402 (the runner reads Rules.def itself; this checks its reading)

    problems = []
    for tool in corpus.TOOLS:
        problems += compare(f"testcases/corpus.py RULES['{tool}']", corpus.RULES[tool],
                            ids(rules, tool), f"{tool} rules")
    return problems


def table_rows(path, header):
    """The cells of each row of the markdown table whose header row starts with `header`."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    start = next((i for i, l in enumerate(lines) if l.startswith(header)), None)
    if start is None:
        raise SystemExit(f"{path}: no table starting with '{header}'")
    rows = []
    for line in lines[start + 2:]:
        if not line.startswith("|"):
            break
        rows.append([c.strip() for c in line.strip().strip("|").split("|")])
    return rows


def raised_by(rule):
    return "both" if rule["lint"] and rule["run"] else "lint" if rule["lint"] else "run"


def check_docs(rules, root):
    problems = []
    by_id = {r["id"]: r for r in rules}
    # One page per rule, no page for a rule that is gone; examples mark lines with the severity.
    pages = glob.glob(os.path.join(root, "docs", "rules", "*.md"))
    problems += compare("docs/rules/", {os.path.basename(p)[:-3] for p in pages}, set(by_id))
    for rule in rules:
        path = os.path.join(root, rule["help_uri"])
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as f:
            text = f.read()
        if not text.startswith(f"# {rule['id']}\n"):
            problems.append(f"{path}: must start with '# {rule['id']}'")
        for n, line in enumerate(text.splitlines(), 1):
            for sev in re.findall(r"//\s*(error|warning)\b", line):
                if sev != rule["severity"]:
                    problems.append(f"{path}:{n}: example says '{sev}', the rule's severity is "
                                    f"'{rule['severity']}'")
    # The rules table of the report format: every rule once, with its severity and tools.
    path = os.path.join(root, "docs", "report-format.md")
    rows = table_rows(path, "| id | default severity | raised by |")
    seen = set()
    for cells in rows:
        rid = cells[0].strip("`")
        if rid in seen:
            problems.append(f"{path}: '{rid}' is listed twice")
        seen.add(rid)
        rule = by_id.get(rid)
        if rule and cells[1] != rule["severity"]:
            problems.append(f"{path}: '{rid}' is '{cells[1]}', the catalogue says "
                            f"'{rule['severity']}'")
        if rule and cells[2] != raised_by(rule):
            problems.append(f"{path}: '{rid}' is raised by '{cells[2]}', the catalogue says "
                            f"'{raised_by(rule)}'")
    if [c[0].strip("`") for c in rows] != sorted(seen):
        problems.append(f"{path}: the rules table is not sorted by id")
    problems += compare(f"{path}: rules table", seen, set(by_id))
    # What `weft run` reports, in its own guide.
    path = os.path.join(root, "docs", "run.md")
    named = set()
    for cells in table_rows(path, "| the run… | rule in the report |"):
        named |= set(re.findall(r"`([a-z-]+)`", cells[-1]))
    problems += compare(f"{path}: failing-run table", named, ids(rules, "run"), "run rules")
    return problems


def check_run(rules, root):
    """The rules the runtime and the run driver can put in a report, found in their sources: the
    runtime's string literals that are rule ids (`report_misuse(t, "double-lock", ...)`, the
    `finding rule=deadlock` protocol lines) and the driver's `f.rule = "timeout"`."""
    emitted = set()
    known = ids(rules)
    sources = glob.glob(os.path.join(root, "runtime", "**", "*.cpp"), recursive=True)
    sources = [s for s in sources if f"{os.sep}tests{os.sep}" not in s]
    for path in sources:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        emitted |= set(re.findall(r"rule=([a-z-]+)", text))
        emitted |= {s for s in re.findall(r'"([a-z-]+)"', text) if s in known}
    path = os.path.join(root, "tools", "weft", "run", "ReportBuilder.cpp")
    with open(path, encoding="utf-8") as f:
        emitted |= set(re.findall(r'f\.rule = "([a-z-]+)"', f.read()))
    return compare("rules the runtime and tools/weft/run emit", emitted, ids(rules, "run"),
                   "run rules")


def check_analyses(rules, root):
    """The lint's analyses (analyzer/analysis/) produce rule-neutral facts; only the checks in
    analyzer/checks/ decide a rule. A rule id spelled in an analysis means a rule decided there."""
    problems = []
    known = ids(rules)
    for path in sorted(glob.glob(os.path.join(root, "analyzer", "analysis", "*"))):
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                for s in re.findall(r'"([a-z-]+)"', line):
                    if s in known:
                        problems.append(f"{path}:{n}: names rule '{s}' (decide it in its check)")
    return problems


CHECKS = {"schema": check_schema, "corpus": check_corpus, "docs": check_docs, "run": check_run,
          "analyses": check_analyses}


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    p.add_argument("--dump", required=True, help="the weft_report_dump_rules executable")
    p.add_argument("--source-root", required=True)
    p.add_argument("test", choices=sorted(CHECKS))
    args = p.parse_args(argv)
    problems = CHECKS[args.test](load_catalogue(args.dump), args.source_root)
    for line in problems:
        print(line)
    print(f"{args.test}: {'FAIL' if problems else 'ok'} ({len(problems)} problems)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
