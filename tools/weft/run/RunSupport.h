// What `weft run` and `weft replay` share: finding the program, the report's fixed fields, writing
// the report where the user asked, and the racy pcs a replay must give back to the runtime.
#pragma once

#include "weft/report/Report.h"
#include "weft/report/TextWriter.h"

#include <string>
#include <vector>

namespace weft::run {

/// The absolute path `program` names (looked up in PATH when it has no slash); the name itself
/// when it cannot be found (starting it will then say why).
std::string resolveProgram(const std::string &program);

/// The current directory, the root report paths are relative to.
std::string currentDirectory();

/// Now, as ISO 8601 UTC (the report's only non-deterministic field).
std::string utcNow();

/// Where and how to write a report.
struct OutputRequest {
  std::string outPath; ///< -o; empty: none
  std::string format;  ///< --format; empty: json to -o, text to stdout
};

/// Checks --format. Returns an error message, or empty.
std::string checkFormat(const std::string &format);

/// Writes -o and, when `print`, prints the report (text on stdout unless --format without -o asks
/// otherwise). `replayReport` is the JSON report a replay command should name (may be empty).
/// Returns an error message, or empty.
std::string emitReport(const report::Report &report, const OutputRequest &request,
                       const std::string &replayReport, bool print = true,
                       const std::vector<report::ReplaySource> &replaySources = {});

/// The racy pcs a run was given ("module+0xoff"), as a report's Schedule::racy_pcs stores them:
/// modules below `root` relative to it, so a report stays valid when the tree moves.
std::vector<std::string> racyPcsForReport(const std::vector<std::string> &pcs,
                                          const std::string &root);
/// The inverse of racyPcsForReport: modules made absolute again against `root`.
std::vector<std::string> racyPcsFromReport(const std::vector<std::string> &pcs,
                                           const std::string &root);

} // namespace weft::run
