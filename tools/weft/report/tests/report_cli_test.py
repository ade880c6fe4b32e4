#!/usr/bin/env python3
"""End-to-end tests of `weft report` (CTest: report.cli).

usage: report_cli_test.py WEFT REPORT_TESTS_DIR DOCS_DIR
REPORT_TESTS_DIR is report/tests (sample data, schemas, validate_json.py); DOCS_DIR holds
report.schema.json. Runs every case, prints each failure, exits 1 if any failed.
"""
import json
import os
import subprocess
import sys
import tempfile
import unittest

WEFT, TESTS, DOCS = sys.argv[1:4] if len(sys.argv) >= 4 else (None, None, None)


def validate(schema_path, document_path):
    """Errors of document against the schema, via the reusable validator script."""
    p = subprocess.run([sys.executable, os.path.join(TESTS, "validate_json.py"), schema_path,
                        document_path], capture_output=True, text=True)
    return p.returncode, p.stderr


class WeftReport(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="weft-report-cli-")
        self.dir = self.tmp.name
        self.run_race = os.path.join(TESTS, "data", "run-race.json")
        self.lint = os.path.join(TESTS, "data", "lint-locks.json")

    def tearDown(self):
        self.tmp.cleanup()

    def weft(self, *args):
        return subprocess.run([WEFT, "report", *args], capture_output=True, text=True,
                              cwd=self.dir)

    def write(self, name, content):
        path = os.path.join(self.dir, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(content if isinstance(content, str) else json.dumps(content))
        return path

    def sample(self):
        with open(self.run_race, encoding="utf-8") as f:
            return json.load(f)

    # --- conversions -----------------------------------------------------------------------
    def test_text_is_the_default(self):
        p = self.weft(self.run_race)
        self.assertEqual(p.returncode, 1, p.stderr)
        self.assertEqual(p.stderr, "")
        self.assertIn("src/counter.cpp:9:12: warning: data race on 'counter'", p.stdout)
        self.assertIn("[weft-data-race]\n", p.stdout)
        self.assertIn("note: replay with: weft replay " + self.run_race +
                      " --finding 0 -- ./counter --threads 2\n", p.stdout)
        self.assertTrue(p.stdout.endswith("\n1 finding (1 data-race)\n"), p.stdout)
        self.assertNotIn("\033[", p.stdout, "no colour when not a terminal")

    def test_json_is_valid_and_stable(self):
        out = os.path.join(self.dir, "a.json")
        p = self.weft(self.run_race, "--format", "json", "-o", out)
        self.assertEqual((p.returncode, p.stdout, p.stderr), (1, "", ""))
        self.assertEqual(validate(os.path.join(DOCS, "report.schema.json"), out), (0, ""))
        with open(out, encoding="utf-8") as f:
            first = f.read()
        self.assertRegex(json.loads(first)["findings"][0]["fingerprint"], "^[0-9a-f]{16}$")
        again = self.weft(out, "--format=json")
        self.assertEqual(again.stdout, first)

    def test_sarif_validates_against_the_official_schema(self):
        out = os.path.join(self.dir, "a.sarif")
        p = self.weft(self.run_race, self.lint, "--format", "sarif", "--output", out)
        self.assertEqual(p.returncode, 1, p.stderr)
        schema = os.path.join(TESTS, "schemas", "sarif-schema-2.1.0.json")
        self.assertEqual(validate(schema, out), (0, ""))
        with open(out, encoding="utf-8") as f:
            sarif = json.load(f)
        results = sarif["runs"][0]["results"]
        self.assertEqual(len(results), 3)
        self.assertEqual(results[0]["locations"][0]["physicalLocation"]["artifactLocation"],
                         {"uri": "src/counter.cpp", "uriBaseId": "%SRCROOT%"})

    def test_html_is_one_page(self):
        out = os.path.join(self.dir, "a.html")
        p = self.weft(self.run_race, "--format", "html", "-o", out)
        self.assertEqual(p.returncode, 1, p.stderr)
        with open(out, encoding="utf-8") as f:
            html = f.read()
        self.assertTrue(html.startswith("<!DOCTYPE html>"))
        self.assertIn("data-race", html)
        self.assertNotIn("<script", html)

    def test_clean_report_exits_zero(self):
        clean = self.sample()
        clean["findings"] = []
        p = self.weft(self.write("clean.json", clean))
        self.assertEqual((p.returncode, p.stdout, p.stderr), (0, "no findings\n", ""))

    def test_help(self):
        p = self.weft("--help")
        self.assertEqual(p.returncode, 0)
        self.assertIn("usage: weft report REPORT.json...", p.stdout)

    # --- merging ---------------------------------------------------------------------------
    def test_merge_drops_duplicates(self):
        # The same race found by another schedule after an unrelated edit moved it 3 lines down.
        other = self.sample()
        f = other["findings"][0]
        f["location"]["line"] += 3
        f["related"][0]["location"]["line"] += 3
        f["schedule"]["seed"] = 7
        f["schedule"]["choices"] = [0, 1, 2, 2]
        f["message"] = "the same race, another schedule"
        second = self.write("second.json", other)
        out = os.path.join(self.dir, "merged.json")
        p = self.weft(self.run_race, second, self.lint, "--format", "json", "-o", out)
        self.assertEqual(p.returncode, 1, p.stderr)
        with open(out, encoding="utf-8") as fh:
            merged = json.load(fh)
        self.assertEqual(merged["command"], "report")
        self.assertEqual([x["rule"] for x in merged["findings"]],
                         ["data-race", "lock-order-inversion", "data-race"])
        self.assertEqual(merged["findings"][0]["schedule"]["seed"], 42, "the first one wins")
        self.assertEqual(validate(os.path.join(DOCS, "report.schema.json"), out), (0, ""))
        text = self.weft(self.run_race, second, self.lint)
        self.assertIn("3 findings (2 data-race, 1 lock-order-inversion)", text.stdout)
        self.assertIn("weft replay " + self.run_race + " --finding 0 -- ./counter", text.stdout)

    # --- errors: exit 2, one line, nothing written -----------------------------------------
    def check_error(self, args, expected):
        """Runs with -o pointing at an existing file: it must stay untouched, nothing else appears."""
        out = self.write("existing.out", "precious\n")
        os.utime(out, (1_000_000_000, 1_000_000_000))
        before = sorted(os.listdir(self.dir))
        p = self.weft(*args, "-o", out)
        self.assertEqual(p.returncode, 2, (args, p.stdout, p.stderr))
        self.assertEqual(p.stdout, "")
        self.assertEqual(p.stderr.count("\n"), 1, p.stderr)
        self.assertEqual(p.stderr, "weft report: error: " + expected + "\n")
        with open(out, encoding="utf-8") as f:
            self.assertEqual(f.read(), "precious\n")
        self.assertEqual(os.stat(out).st_mtime, 1_000_000_000)
        self.assertEqual(sorted(os.listdir(self.dir)), before)

    def test_missing_file(self):
        self.check_error(["absent.json"], "absent.json: cannot open: No such file or directory")

    def test_not_json(self):
        bad = self.write("bad.json", "weft found races\n")
        self.check_error([bad], bad + ": not JSON: parse error at line 1, column 1: syntax error "
                         "while parsing value - invalid literal; last read: 'w'")

    def test_empty_file(self):
        empty = self.write("empty.json", "")
        self.check_error([empty], empty + ": empty file (not JSON)")

    def test_wrong_version(self):
        doc = self.sample()
        doc["format_version"] = 7
        path = self.write("v7.json", doc)
        self.check_error([path], path + ": format_version 7 is not supported (this weft reads 1)")

    def test_missing_field(self):
        doc = self.sample()
        del doc["findings"][0]["rule"]
        path = self.write("norule.json", doc)
        self.check_error([path], path + ": findings[0]: missing field 'rule'")

    def test_wrong_type(self):
        doc = self.sample()
        doc["findings"][0]["location"]["line"] = "nine"
        path = self.write("type.json", doc)
        self.check_error([path], path + ": findings[0].location.line: expected an integer, got a string")

    def test_unknown_rule(self):
        doc = self.sample()
        doc["findings"][0]["rule"] = "race"
        path = self.write("rule.json", doc)
        self.check_error([path], path + ": findings[0].rule: unknown rule 'race'")

    def test_bad_second_input_writes_nothing(self):
        bad = self.write("bad.json", "{")
        self.check_error([self.run_race, bad], bad + ": not JSON: parse error at line 1, column 2: "
                         "syntax error while parsing object key - unexpected end of input; "
                         "expected string literal")

    def test_unknown_flag(self):
        self.check_error([self.run_race, "--colour"],
                         "unknown option '--colour' (see 'weft report --help')")

    def test_unknown_format(self):
        self.check_error([self.run_race, "--format", "xml"],
                         "unknown format 'xml' (use text, json, sarif or html)")

    def test_no_input(self):
        self.check_error([], "no report given (see 'weft report --help')")

    def test_unwritable_output(self):
        p = self.weft(self.run_race, "-o", os.path.join(self.dir, "no", "out.json"))
        self.assertEqual(p.returncode, 2)
        self.assertEqual(p.stderr, "weft report: error: cannot write '" +
                         os.path.join(self.dir, "no", "out.json") +
                         "': No such file or directory\n")
        self.assertEqual(os.listdir(self.dir), [])


if __name__ == "__main__":
    if WEFT is None:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        sys.exit(2)
    unittest.main(argv=[sys.argv[0], "-v"] + sys.argv[4:])
