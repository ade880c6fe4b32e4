#!/usr/bin/env python3
"""End-to-end tests of `weft lint` on small generated projects (CTest names lint.cli.<test>).

usage: lint_cli_test.py --weft WEFT --source-root ROOT TEST

Each test copies sources from tools/weft/lint/tests/projects/ into a fresh directory, writes a
compile_commands.json for them in the style of a g++ build (with gcc-only options), runs weft and
checks the exit status, stdout/stderr and the written report.

Tests marked NEEDS_ANALYSIS need real findings from the analyser; until it reports the data race
in projects/race/race.cpp they exit 77, which CTest shows as "skipped" (SKIP_RETURN_CODE).
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

SKIP = 77
GCC_ONLY = ["-fno-gnu-unique", "-fconcepts", "-fanalyzer", "-fipa-pta",
            "-fno-allow-store-data-races", "-Wno-maybe-uninitialized", "-mindirect-branch=keep"]


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


class Env:
    def __init__(self, weft, root):
        self.weft = weft
        self.root = root
        self.projects = os.path.join(root, "tools/weft/lint/tests/projects")
        self.tmp = tempfile.mkdtemp(prefix="weft-lint-test-")
        self._analysis = None

    def project(self, files, name="p", flags=()):
        """A project dir with src/<files> (dict: dest -> projects/ relative source or text) and
        build/compile_commands.json listing every .cpp of src/ (compiled with the extra `flags`).
        Returns the project root."""
        proj = os.path.join(self.tmp, name)
        os.makedirs(os.path.join(proj, "src"), exist_ok=True)
        os.makedirs(os.path.join(proj, "build"), exist_ok=True)
        for dest, source in files.items():
            path = os.path.join(proj, "src", dest)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            if source.startswith("text:"):
                with open(path, "w") as f:
                    f.write(source[5:])
            else:
                shutil.copy(os.path.join(self.projects, source), path)
        self.write_database(proj, flags)
        return proj

    def write_database(self, proj, flags=()):
        build = os.path.join(proj, "build")
        entries = []
        for i, name in enumerate(sorted(os.listdir(os.path.join(proj, "src")))):
            if not name.endswith(".cpp"):
                continue
            src = os.path.join(proj, "src", name)
            args = ["/usr/bin/g++", "-std=c++20", "-O2", "-Wall", "-Wextra", "-Wshadow"] + \
                GCC_ONLY + [f.replace("@SRC@", os.path.join(proj, "src")) for f in flags] + \
                ["-pthread", "-c", src, "-o", name + ".o"]
            entry = {"directory": build, "file": src}
            if i % 2:  # both spellings of a command occur in real databases
                entry["command"] = " ".join(args)
            else:
                entry["arguments"] = args
            entries.append(entry)
        with open(os.path.join(build, "compile_commands.json"), "w") as f:
            json.dump(entries, f, indent=2)

    def run(self, args, cwd):
        p = subprocess.run([self.weft, "lint"] + args, cwd=cwd, capture_output=True, text=True,
                           timeout=300)
        return p.returncode, p.stdout, p.stderr

    def analysis_available(self):
        """True once the analyser reports the reference race (projects/race/race.cpp)."""
        if self._analysis is None:
            proj = self.project({"race.cpp": "race/race.cpp"}, name="probe")
            rc, out, _ = self.run(["-p", "build", "--format", "json"], proj)
            findings = json.loads(out)["findings"] if rc in (0, 1) else []
            self._analysis = any(f["rule"] == "data-race" and f.get("variable") == "counter"
                                 for f in findings)
        return self._analysis

    def need_analysis(self):
        if not self.analysis_available():
            print("SKIPPED: needs the analyser to report the data race on 'counter' in "
                  "projects/race/race.cpp (not reported yet)")
            sys.exit(SKIP)

    def validate(self, schema, document):
        validator = os.path.join(self.root, "report/tests/validate_json.py")
        p = subprocess.run([sys.executable, validator, schema, document], capture_output=True,
                           text=True)
        check(p.returncode == 0, f"{document} does not validate against {schema}:\n"
              f"{p.stdout}{p.stderr}")


def one_error_line(rc, out, err, expected):
    check(rc == 2, f"exit status {rc}, expected 2 (stderr: {err!r})")
    lines = err.splitlines()
    check(len(lines) == 1, f"expected exactly one line on stderr, got {len(lines)}: {err!r}")
    check(lines[0].startswith("weft lint: error: "), f"not an error line: {lines[0]!r}")
    check(expected in lines[0], f"{expected!r} not in {lines[0]!r}")
    check(out == "", f"unexpected stdout: {out!r}")


def read_json(path):
    with open(path) as f:
        return json.load(f)


# ---- bad input: one clear line, exit 2 -------------------------------------------------------

def test_missing_build_dir(env):
    proj = env.project({"clean.cpp": "race/clean.cpp"})
    one_error_line(*env.run([], proj), "missing -p BUILD_DIR")


def test_no_database(env):
    proj = env.project({"clean.cpp": "race/clean.cpp"})
    os.makedirs(os.path.join(proj, "empty"))
    one_error_line(*env.run(["-p", "empty"], proj),
                   "no compile_commands.json in 'empty' (configure with "
                   "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON)")


def test_database_not_json(env):
    proj = env.project({"clean.cpp": "race/clean.cpp"})
    db = os.path.join(proj, "build", "compile_commands.json")
    with open(db, "w") as f:
        f.write('[{"directory": "/tmp", "file": "a.cpp",\n  oops\n')
    one_error_line(*env.run(["-p", "build"], proj), "is not valid JSON (at line 2, column 3)")
    with open(db, "w") as f:
        f.write('{"directory": "/tmp"}')
    one_error_line(*env.run(["-p", "build"], proj), "is not a compilation database")


def test_file_not_in_database(env):
    proj = env.project({"clean.cpp": "race/clean.cpp"})
    with open(os.path.join(proj, "src", "other.cpp"), "w") as f:
        f.write("int other;\n")
    one_error_line(*env.run(["-p", "build", "src/other.cpp"], proj),
                   "'src/other.cpp' is not in the compilation database")
    one_error_line(*env.run(["-p", "build", "src/missing.cpp"], proj),
                   "'src/missing.cpp' does not exist")


def test_unknown_option(env):
    proj = env.project({"clean.cpp": "race/clean.cpp"})
    one_error_line(*env.run(["-p", "build", "--frobnicate"], proj),
                   "unknown option '--frobnicate'")
    one_error_line(*env.run(["-p", "build", "--format", "xml"], proj), "unknown format 'xml'")
    one_error_line(*env.run(["-p", "build", "-j", "zero"], proj), "'-j'")


def test_output_directory_missing(env):
    proj = env.project({"clean.cpp": "race/clean.cpp"})
    one_error_line(*env.run(["-p", "build", "-o", "nodir/out.json"], proj),
                   "cannot write 'nodir/out.json': no directory 'nodir'")


def test_malformed_baseline(env):
    proj = env.project({"clean.cpp": "race/clean.cpp"})
    with open(os.path.join(proj, "baseline.json"), "w") as f:
        f.write('{"format": "weft-baseline", "version": 1, "findings": [{"rule": "x"}]}')
    one_error_line(*env.run(["-p", "build", "--baseline", "baseline.json"], proj),
                   "findings[0]: missing field 'fingerprint'")
    with open(os.path.join(proj, "baseline.json"), "w") as f:
        f.write("not json")
    one_error_line(*env.run(["-p", "build", "--baseline", "baseline.json"], proj), "not JSON")


def test_help(env):
    rc, out, err = env.run(["--help"], env.tmp)
    check(rc == 0 and "usage: weft lint -p BUILD_DIR" in out and err == "",
          f"--help: rc={rc} out={out!r} err={err!r}")


# ---- driver behaviour that needs no findings -------------------------------------------------

def test_gcc_flags_and_warnings_are_silent(env):
    proj = env.project({"clean.cpp": "race/clean.cpp", "warnings.cpp": "race/warnings.cpp"})
    rc, out, err = env.run(["-p", "build"], proj)
    check(rc in (0, 1), f"exit status {rc}: {err}")
    check("unknown argument" not in err and "warning" not in err and err == "",
          f"expected a silent stderr, got: {err!r}")


def test_parse_error_is_a_tool_error(env):
    proj = env.project({"broken.cpp": "parse_error/broken.cpp", "race.cpp": "race/race.cpp"})
    rc, out, err = env.run(["-p", "build", "--format", "json", "-o", "out.json"], proj)
    check(rc == 2, f"exit status {rc}, expected 2")
    check("src/broken.cpp: 2 errors while parsing" in err, f"stderr: {err!r}")
    check("expected expression" in err, "clang's diagnostics are shown")
    report = read_json(os.path.join(proj, "out.json"))
    check(sorted(report["inputs"]) == ["src/broken.cpp", "src/race.cpp"], report["inputs"])
    check(len(report["tool_errors"]) == 1 and "src/broken.cpp" in report["tool_errors"][0],
          report["tool_errors"])
    if env.analysis_available():  # the other file's findings are still written
        check(any(f.get("variable") == "counter" for f in report["findings"]),
              "the race in src/race.cpp is missing from the report")
    rc, _, err = env.run(["-p", "build", "--allow-parse-errors", "-o", "out.txt"], proj)
    check(rc == (1 if env.analysis_available() else 0), f"--allow-parse-errors: exit {rc}")
    check("weft lint: warning: src/broken.cpp" in err, f"stderr: {err!r}")


def test_gcc_accepted_c_parses(env):
    """C that gcc 12 builds with warnings (int-conversion, an implicit declaration) and Clang 19
    rejects by default: analysed for a gcc database, a parse error for a clang one."""
    proj = os.path.join(env.tmp, "oldc")
    os.makedirs(os.path.join(proj, "build"), exist_ok=True)
    src = os.path.join(proj, "old.c")
    with open(src, "w") as f:
        f.write("#include <pthread.h>\n"
                "long counter;\n"
                "static void *work(void *arg) { counter++; return arg; }\n"
                "int main(void) {\n"
                "  pthread_t a, b;\n"
                "  int *start = 0x10;\n"
                "  pthread_create(&a, 0, work, start);\n"
                "  pthread_create(&b, 0, work, start);\n"
                "  pthread_join(a, 0);\n"
                "  pthread_join(b, 0);\n"
                "  return report(counter);\n"
                "}\n")
    for compiler, expect in (("/usr/bin/gcc", 1), ("/usr/bin/clang-19", 2)):
        with open(os.path.join(proj, "build", "compile_commands.json"), "w") as f:
            json.dump([{"directory": proj, "file": src,
                        "arguments": [compiler, "-std=gnu11", "-pthread", "-c", src]}], f)
        rc, out, err = env.run(["-p", "build", "--format", "json"], proj)
        if expect == 1 and not env.analysis_available():
            expect = 0
        check(rc == expect, f"{compiler}: exit status {rc}, expected {expect}: {err}")
        if compiler.endswith("gcc") and rc in (0, 1):
            report = json.loads(out)
            check(report["tool_errors"] == [], report["tool_errors"])
            if env.analysis_available():
                check(any(f.get("variable") == "counter" for f in report["findings"]),
                      "the race in old.c is missing")


def test_assembly_sources_are_skipped(env):
    """A build's .S files (zstd's huf_decompress_amd64.S) are listed beside its C files: skipped
    with one note, not a parse error; the C file is analysed. Only assembly selected: exit 2."""
    proj = os.path.join(env.tmp, "asm")
    os.makedirs(os.path.join(proj, "build"), exist_ok=True)
    src = os.path.join(proj, "main.c")
    asm = os.path.join(proj, "fast_amd64.S")
    with open(src, "w") as f:
        f.write("int main(void) { return 0; }\n")
    with open(asm, "w") as f:
        f.write(".section .note.GNU-stack,\"\",%progbits\n.text\n movq %rax, %rbx\n")
    with open(os.path.join(proj, "build", "compile_commands.json"), "w") as f:
        json.dump([{"directory": proj, "file": asm, "arguments": ["/usr/bin/gcc", "-c", asm]},
                   {"directory": proj, "file": src, "arguments": ["/usr/bin/gcc", "-c", src]}], f)
    rc, out, err = env.run(["-p", "build", "--format", "json"], proj)
    check(rc == 0, f"exit status {rc}, expected 0: {err}")
    check("skipped 1 assembly source (not C or C++): " + asm in err, err)
    report = json.loads(out)
    check(report["tool_errors"] == [], report["tool_errors"])
    check(report["inputs"] == ["main.c"], report["inputs"])
    rc, out, err = env.run(["-p", "build", "fast_amd64.S"], proj)
    check(rc == 2 and out == "", f"only the .S selected: exit {rc}, stdout {out!r}")
    check("weft lint: error: nothing to analyse: every selected file is an assembly source" in err,
          err)


def test_snippet_of_a_closing_brace(env):
    """A location in column 1 (the `}` that ends a function) shows its own line, not the line
    before it joined to it."""
    env.need_analysis()
    source = ("text:#include <mutex>\n"
              "std::mutex m;\n"
              "void leak() {\n"
              "  m.lock();\n"
              "}\n"
              "int main() { return 0; }\n")
    proj = env.project({"leak.cpp": source}, name="brace")
    rc, out, err = env.run(["-p", "build", "--format", "json"], proj)
    check(rc == 1, f"exit {rc}: {err}")
    snippets = [r["location"].get("snippet") for f in json.loads(out)["findings"]
                for r in f.get("related", [])]
    check(snippets, "no related locations: " + out)
    for s in snippets:
        check("\n" not in s, f"snippet spans two lines: {s!r}")


def test_json_validates(env):
    schema = os.path.join(env.root, "docs/report.schema.json")
    if not os.path.exists(schema):
        print("SKIPPED: docs/report.schema.json does not exist yet")
        sys.exit(SKIP)
    proj = env.project({"race.cpp": "race/race.cpp", "clean.cpp": "race/clean.cpp"})
    env.run(["-p", "build", "--format", "json", "-o", "out.json"], proj)
    report = read_json(os.path.join(proj, "out.json"))
    check(report["command"] == "lint", report["command"])
    check(report["inputs"] == ["src/clean.cpp", "src/race.cpp"], report["inputs"])
    check(report["root"] == os.path.realpath(proj) or report["root"] == proj, report["root"])
    env.validate(schema, os.path.join(proj, "out.json"))
    rc, out, _ = env.run(["-p", "build", "--format", "json", "--root", "src"], proj)
    check(json.loads(out)["inputs"] == ["clean.cpp", "race.cpp"], "--root src: " + out)


def test_sarif_validates(env):
    schema = os.path.join(env.root, "report/tests/schemas/sarif-schema-2.1.0.json")
    proj = env.project({"race.cpp": "race/race.cpp", "clean.cpp": "race/clean.cpp"})
    rc, _, err = env.run(["-p", "build", "--format", "sarif", "-o", "out.sarif"], proj)
    check(rc in (0, 1), f"exit {rc}: {err}")
    env.validate(schema, os.path.join(proj, "out.sarif"))
    if env.analysis_available():
        results = read_json(os.path.join(proj, "out.sarif"))["runs"][0]["results"]
        check(results, "no SARIF results")
        for r in results:
            uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            check(not uri.startswith("/"), f"absolute URI {uri}")
            check(r.get("partialFingerprints"), "no partialFingerprints")


def test_parallel_same_output(env):
    files = {"race.cpp": "race/race.cpp", "clean.cpp": "race/clean.cpp",
             "warnings.cpp": "race/warnings.cpp", "race2.cpp": "race/race2.cpp.in"}
    proj = env.project(files)
    outputs = {}
    for jobs in ("1", "2"):
        for fmt in ("json", "text"):  # SARIF is rendered from the same findings
            rc, out, err = env.run(["-p", "build", "-j", jobs, "--format", fmt], proj)
            check(rc in (0, 1), f"-j {jobs}: exit {rc}: {err}")
            if fmt == "json":
                doc = json.loads(out)
                doc.pop("started_at", None)
                out = json.dumps(doc, sort_keys=True)
            outputs[(jobs, fmt)] = (rc, out)
    for fmt in ("json", "text"):
        check(outputs[("1", fmt)] == outputs[("2", fmt)], f"-j 1 and -j 2 differ in {fmt}")


# ---- NEEDS_ANALYSIS: real findings ------------------------------------------------------------

def race_with(line_edit):
    with open(os.path.join(os.path.dirname(__file__), "projects/race/race.cpp")) as f:
        text = f.read()
    return "text:" + line_edit(text)


def test_nolint(env):
    env.need_analysis()
    cases = [
        ("++counter; // NOLINT(weft-data-race)", 0),
        ("++counter; // NOLINT(weft-*)", 0),
        ("++counter; // NOLINT", 0),
        ("// NOLINTNEXTLINE(weft-data-race)\n    ++counter;", 0),
        ("++counter; // NOLINT(weft-double-lock)", 1),
        ("// NOLINTNEXTLINE(weft-double-lock)\n    ++counter;", 1),
    ]
    for i, (replacement, expected) in enumerate(cases):
        source = race_with(lambda t: t.replace("++counter;", replacement))
        proj = env.project({"race.cpp": source}, name=f"nolint{i}")
        rc, out, err = env.run(["-p", "build"], proj)
        check(rc == expected, f"{replacement!r}: exit {rc}, expected {expected}\n{out}{err}")


def test_baseline_workflow(env):
    env.need_analysis()
    proj = env.project({"race.cpp": "race/race.cpp"})
    rc, out, err = env.run(["-p", "build", "--write-baseline", "weft-baseline.json"], proj)
    check(rc == 0, f"--write-baseline: exit {rc}: {err}")
    baseline = read_json(os.path.join(proj, "weft-baseline.json"))
    check(baseline["version"] == 1 and len(baseline["findings"]) >= 1, baseline)
    check(all(len(f["fingerprint"]) > 0 for f in baseline["findings"]), baseline)

    rc, out, err = env.run(["-p", "build", "--baseline", "weft-baseline.json"], proj)
    check(rc == 0, f"with the baseline: exit {rc}\n{out}{err}")
    check("suppressed by the baseline" in err, err)

    # Shift the old race down: the baseline must still accept it.
    path = os.path.join(proj, "src", "race.cpp")
    with open(path) as f:
        text = f.read()
    with open(path, "w") as f:
        f.write("// a new comment\n\n// and another one\n\n\n" + text)
    # A new race in a new file: only that one fails the run.
    shutil.copy(os.path.join(env.projects, "race/race2.cpp.in"),
                os.path.join(proj, "src", "race2.cpp"))
    env.write_database(proj)
    rc, out, err = env.run(["-p", "build", "--baseline", "weft-baseline.json", "--format", "json",
                            "-o", "out.json"], proj)
    check(rc == 1, f"with a new race: exit {rc}, expected 1\n{err}")
    findings = read_json(os.path.join(proj, "out.json"))["findings"]
    check(len(findings) == 1, f"expected one new finding, got {len(findings)}: {findings}")
    check(findings[0].get("variable") == "hits" and findings[0]["location"]["file"] ==
          "src/race2.cpp", findings[0])


def test_header_finding_reported_once(env):
    env.need_analysis()
    proj = env.project({"shared.h": "header/shared.h", "first.cpp": "header/first.cpp",
                        "second.cpp": "header/second.cpp"})
    rc, out, err = env.run(["-p", "build", "--format", "json"], proj)
    check(rc == 1, f"exit {rc}, expected 1: {err}")
    findings = json.loads(out)["findings"]
    in_header = [f for f in findings if f["location"]["file"] == "src/shared.h"]
    # Both files include the header and both see the race: one finding, at the header's line.
    check(len(in_header) == 1, f"expected one finding in src/shared.h, got {len(in_header)}: "
          f"{[(f['location'], f['rule']) for f in findings]}")
    check(in_header[0]["rule"] == "data-race" and in_header[0].get("variable") == "shared",
          in_header[0])
    check(in_header[0]["location"]["snippet"] == "++shared;", in_header[0]["location"])
    fingerprints = [f["fingerprint"] for f in findings]
    check(len(fingerprints) == len(set(fingerprints)), f"duplicate fingerprints: {findings}")


def test_system_header_not_analysed(env):
    env.need_analysis()
    # The same racy header, reached through -isystem: third-party code is not walked.
    first = open(os.path.join(env.projects, "header/first.cpp")).read()
    proj = env.project({"vendor/shared.h": "header/shared.h",
                        "first.cpp": "text:" + first.replace('"shared.h"', "<shared.h>")},
                       flags=["-isystem", "@SRC@/vendor"])
    rc, out, err = env.run(["-p", "build", "--format", "json"], proj)
    check(rc == 0, f"exit {rc}, expected 0 (nothing outside the system header): {out}{err}")


def test_race_across_files(env):
    env.need_analysis()
    # The thread starts in main.cpp, runs worker() of stats.cpp, whose callee touches a global of
    # stats.cpp; the lock of the clean counter is defined there too. tool.cpp is a second
    # executable of the same build (its own main) using the module from one thread.
    files = {n: "cross_tu/" + n for n in ("stats.h", "stats.cpp", "main.cpp", "tool.cpp")}
    proj = env.project(files)
    rc, out, err = env.run(["-p", "build", "--format", "json"], proj)
    check(rc == 1, f"exit {rc}, expected 1: {err}")
    findings = json.loads(out)["findings"]
    check(len(findings) == 1, f"expected one finding, got {[(f['rule'], f.get('variable')) for f in findings]}")
    f = findings[0]
    check(f["rule"] == "data-race" and f.get("variable") == "visits", f)
    check(f["location"]["file"] == "src/stats.cpp" and f["location"]["snippet"] ==
          "void record_visit() { ++visits; }", f["location"])
    created = [r for r in f.get("related", []) if r["location"]["file"] == "src/main.cpp"]
    check(created, f"no related location in src/main.cpp (the thread creation): {f}")
    # Linting only the file that starts the threads cannot see the race: nothing to report.
    rc, out, err = env.run(["-p", "build", "--format", "json", os.path.join(proj, "src/main.cpp")],
                           proj)
    check(rc == 0, f"main.cpp alone: exit {rc}, expected 0: {out}{err}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--weft", required=True)
    parser.add_argument("--source-root", required=True)
    parser.add_argument("test")
    args = parser.parse_args()
    test = globals().get("test_" + args.test)
    if not test:
        print(f"unknown test {args.test}", file=sys.stderr)
        return 2
    env = Env(os.path.abspath(args.weft), os.path.abspath(args.source_root))
    try:
        test(env)
    except Failure as e:
        print(f"FAILED: {e}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(env.tmp, ignore_errors=True)
    print("passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
