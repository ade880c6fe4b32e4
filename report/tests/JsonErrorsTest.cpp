// Every way a report can be malformed gives one line naming the file and the field.
#include "weft/report/Json.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace weft::report {
namespace {

namespace fs = std::filesystem;

class ReadErrors : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("weft-report-errors-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  /// Writes `text` to r.json in the test directory and returns the error reading it gives.
  std::string errorFor(const std::string &text) {
    std::string path = (dir_ / "r.json").string();
    std::ofstream(path, std::ios::binary) << text;
    try {
      readReportFile(path);
    } catch (const FormatError &e) {
      std::string what = e.what();
      EXPECT_EQ(what.find('\n'), std::string::npos) << "one line: " << what;
      EXPECT_EQ(what.rfind(path + ": ", 0), 0u) << "names the file: " << what;
      return what.substr(path.size() + 2);
    }
    ADD_FAILURE() << "no error for: " << text;
    return {};
  }

  /// A valid report with `finding` as its only finding.
  static std::string withFinding(const std::string &finding) {
    return R"({"format_version": 1, "tool": "weft", "command": "lint", "findings": [)" + finding +
           "]}";
  }

  fs::path dir_;
};

const char *kFinding = R"({"rule": "data-race", "message": "m", "location": {"file": "a.cpp"}})";

TEST_F(ReadErrors, ValidReportReads) {
  std::string path = (dir_ / "ok.json").string();
  std::ofstream(path) << withFinding(kFinding);
  EXPECT_EQ(readReportFile(path).findings.size(), 1u);
}

TEST_F(ReadErrors, MissingFile) {
  std::string path = (dir_ / "absent.json").string();
  try {
    readReportFile(path);
    FAIL();
  } catch (const FormatError &e) {
    EXPECT_EQ(std::string(e.what()), path + ": cannot open: No such file or directory");
  }
}

TEST_F(ReadErrors, Directory) {
  try {
    readReportFile(dir_.string());
    FAIL();
  } catch (const FormatError &e) {
    EXPECT_EQ(std::string(e.what()), dir_.string() + ": cannot read: Is a directory");
  }
}

TEST_F(ReadErrors, EmptyFile) { EXPECT_EQ(errorFor(""), "empty file (not JSON)"); }

TEST_F(ReadErrors, BlankFile) { EXPECT_EQ(errorFor(" \n\t\n"), "empty file (not JSON)"); }

TEST_F(ReadErrors, NotJson) {
  EXPECT_EQ(errorFor("weft found 2 races"),
            "not JSON: parse error at line 1, column 1: syntax error while parsing value - "
            "invalid literal; last read: 'w'");
}

TEST_F(ReadErrors, TruncatedJson) {
  std::string e = errorFor(R"({"format_version": 1, "findings": [)");
  EXPECT_EQ(e.rfind("not JSON: parse error at line 1, column 36", 0), 0u) << e;
}

TEST_F(ReadErrors, TopLevelNotObject) {
  EXPECT_EQ(errorFor("[1, 2]"), "expected a JSON object at the top level, got an array");
}

TEST_F(ReadErrors, NotAWeftReport) {
  EXPECT_EQ(errorFor(R"({"version": "2.1.0"})"),
            "missing field 'format_version' (not a weft report?)");
}

TEST_F(ReadErrors, WrongVersion) {
  EXPECT_EQ(errorFor(R"({"format_version": 7, "tool": "weft", "command": "lint", "findings": []})"),
            "format_version 7 is not supported (this weft reads 1)");
}

TEST_F(ReadErrors, VersionNotInteger) {
  EXPECT_EQ(errorFor(R"({"format_version": "1"})"),
            "format_version: expected an integer, got a string");
}

TEST_F(ReadErrors, MissingTopLevelField) {
  EXPECT_EQ(errorFor(R"({"format_version": 1, "tool": "weft", "command": "lint"})"),
            "missing field 'findings'");
  EXPECT_EQ(errorFor(R"({"format_version": 1, "tool": "weft", "findings": []})"),
            "missing field 'command'");
}

TEST_F(ReadErrors, UnknownCommand) {
  EXPECT_EQ(errorFor(R"({"format_version": 1, "tool": "weft", "command": "x", "findings": []})"),
            "command: 'x' is not one of lint, run, replay, report");
}

TEST_F(ReadErrors, UnknownTopLevelField) {
  EXPECT_EQ(errorFor(R"({"format_version": 1, "tool": "weft", "command": "lint", "findings": [],
                         "extra": 1})"),
            "unknown field 'extra'");
}

TEST_F(ReadErrors, FindingsNotArray) {
  EXPECT_EQ(errorFor(R"({"format_version": 1, "tool": "weft", "command": "lint", "findings": {}})"),
            "findings: expected an array, got an object");
}

TEST_F(ReadErrors, InputsItemsMistyped) {
  EXPECT_EQ(errorFor(R"({"format_version": 1, "tool": "weft", "command": "lint", "findings": [],
                         "inputs": ["a", 3]})"),
            "inputs[1]: expected a string, got an integer");
}

TEST_F(ReadErrors, FindingNotObject) {
  EXPECT_EQ(errorFor(withFinding("3")), "findings[0]: expected an object, got an integer");
}

TEST_F(ReadErrors, FindingMissingRule) {
  EXPECT_EQ(errorFor(withFinding(std::string(kFinding) +
                                 R"(, {"message": "m", "location": {"file": "a"}})")),
            "findings[1]: missing field 'rule'");
}

TEST_F(ReadErrors, FindingMissingMessage) {
  EXPECT_EQ(errorFor(withFinding(R"({"rule": "deadlock", "location": {"file": "a"}})")),
            "findings[0]: missing field 'message'");
}

TEST_F(ReadErrors, FindingMissingLocation) {
  EXPECT_EQ(errorFor(withFinding(R"({"rule": "deadlock", "message": "m"})")),
            "findings[0]: missing field 'location'");
}

TEST_F(ReadErrors, UnknownRule) {
  EXPECT_EQ(errorFor(withFinding(R"({"rule": "race", "message": "m", "location": {"file": "a"}})")),
            "findings[0].rule: unknown rule 'race'");
}

TEST_F(ReadErrors, BadSeverity) {
  EXPECT_EQ(
      errorFor(withFinding(
          R"({"rule": "deadlock", "severity": "fatal", "message": "m", "location": {"file": "a"}})")),
      "findings[0].severity: 'fatal' is not one of note, warning, error");
}

TEST_F(ReadErrors, LineMistyped) {
  EXPECT_EQ(errorFor(withFinding(
                R"({"rule": "deadlock", "message": "m", "location": {"file": "a", "line": "9"}})")),
            "findings[0].location.line: expected an integer, got a string");
}

TEST_F(ReadErrors, NegativeColumn) {
  EXPECT_EQ(
      errorFor(withFinding(
          R"({"rule": "deadlock", "message": "m", "location": {"file": "a", "column": -1}})")),
      "findings[0].location.column: integer -1 out of range");
}

TEST_F(ReadErrors, FractionalLine) {
  EXPECT_EQ(errorFor(withFinding(
                R"({"rule": "deadlock", "message": "m", "location": {"file": "a", "line": 1.5}})")),
            "findings[0].location.line: expected an integer, got a number");
}

TEST_F(ReadErrors, LocationMissingFile) {
  EXPECT_EQ(errorFor(withFinding(R"({"rule": "deadlock", "message": "m", "location": {}})")),
            "findings[0].location: missing field 'file'");
}

TEST_F(ReadErrors, RelatedMissingMessage) {
  EXPECT_EQ(errorFor(withFinding(R"({"rule": "deadlock", "message": "m", "location": {"file": "a"},
                                    "related": [{"location": {"file": "b"}}]})")),
            "findings[0].related[0]: missing field 'message'");
}

TEST_F(ReadErrors, StackFrameMistyped) {
  EXPECT_EQ(errorFor(withFinding(R"({"rule": "deadlock", "message": "m", "location": {"file": "a"},
                                    "threads": [{"id": 1, "stack": [{"function": 5}]}]})")),
            "findings[0].threads[0].stack[0].function: expected a string, got an integer");
}

TEST_F(ReadErrors, ThreadMissingId) {
  EXPECT_EQ(errorFor(withFinding(R"({"rule": "deadlock", "message": "m", "location": {"file": "a"},
                                    "threads": [{"name": "T1"}]})")),
            "findings[0].threads[0]: missing field 'id'");
}

TEST_F(ReadErrors, ScheduleChoiceOutOfRange) {
  EXPECT_EQ(errorFor(withFinding(R"({"rule": "deadlock", "message": "m", "location": {"file": "a"},
                                    "schedule": {"version": 1, "choices": [0, 4294967296]}})")),
            "findings[0].schedule.choices[1]: integer 4294967296 out of range");
}

TEST_F(ReadErrors, ScheduleWrongVersion) {
  EXPECT_EQ(
      errorFor(withFinding(R"({"rule": "deadlock", "message": "m", "location": {"file": "a"},
                                    "schedule": {"version": 2, "choices": []}})")),
      "findings[0].schedule.version: schedule version 2 is not supported (this weft reads 1)");
}

TEST_F(ReadErrors, ScheduleMissingChoices) {
  EXPECT_EQ(errorFor(withFinding(R"({"rule": "deadlock", "message": "m", "location": {"file": "a"},
                                    "schedule": {"version": 1}})")),
            "findings[0].schedule: missing field 'choices'");
}

TEST_F(ReadErrors, UnknownFindingField) {
  EXPECT_EQ(errorFor(withFinding(R"({"rule": "deadlock", "message": "m", "location": {"file": "a"},
                                    "line": 3})")),
            "findings[0]: unknown field 'line'");
}

TEST_F(ReadErrors, BadFingerprint) {
  EXPECT_EQ(errorFor(withFinding(R"({"rule": "deadlock", "message": "m", "location": {"file": "a"},
                                    "fingerprint": "XYZ"})")),
            "findings[0].fingerprint: 'XYZ' is not 16 lowercase hex digits");
}

TEST_F(ReadErrors, ExplorationMistyped) {
  EXPECT_EQ(errorFor(R"({"format_version": 1, "tool": "weft", "command": "run", "findings": [],
                         "exploration": {"exhausted": "yes"}})"),
            "exploration.exhausted: expected a boolean, got a string");
}

TEST(ReadErrorsInMemory, SourceDefaultsToJson) {
  try {
    reportFromJson(nlohmann::json::array());
    FAIL();
  } catch (const FormatError &e) {
    EXPECT_STREQ(e.what(), "<json>: expected a JSON object at the top level, got an array");
  }
}

} // namespace
} // namespace weft::report
