// Reading and writing the JSON form of a report (docs/report-format.md, docs/report.schema.json).
// Reading is strict: anything malformed becomes one FormatError line naming the file and the field.
#pragma once

#include "weft/report/Report.h"

#include <nlohmann/json.hpp>

#include <stdexcept>
#include <string>

namespace weft::report {

/// A report that cannot be read. what() is one line: "<file>: <what is wrong>", e.g.
/// "r.json: findings[2]: missing field 'rule'".
struct FormatError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// The JSON form of `report`; optional fields that are empty are omitted.
nlohmann::json toJson(const Report &report);

/// Builds a report from its JSON form. Throws FormatError whose message starts with `source` (the
/// file name, or "<json>" when there is none) on a wrong format_version, a missing or mistyped
/// field.
Report reportFromJson(const nlohmann::json &json, const std::string &source = "<json>");

/// Reads and parses the report file at `path`; throws FormatError (missing file, not JSON, ...).
Report readReportFile(const std::string &path);

/// The JSON text of `report`: 2-space indent, keys in a fixed order, trailing newline.
/// Byte-stable: the same report always gives the same text.
std::string toJsonText(const Report &report);

/// Spelling of a severity in JSON and SARIF-like views: "note", "warning", "error".
const char *severityName(Severity severity);

} // namespace weft::report
