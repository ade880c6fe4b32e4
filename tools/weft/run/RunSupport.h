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

/// The racy pcs each finding's run was given, stored beside a JSON report as `<report>.racy`
/// ("<finding index> <module>+0x<offset>" per line; the module relative to the report's root when
/// below it) until the report's Schedule carries them itself.
std::string racySidecarPath(const std::string &reportPath);
std::string writeRacySidecar(const std::string &reportPath,
                             const std::vector<std::vector<std::string>> &perFinding,
                             const std::string &root);
/// The racy pcs of finding `index`, with modules made absolute again against `root`.
std::vector<std::string> readRacySidecar(const std::string &reportPath, std::size_t index,
                                         const std::string &root);

} // namespace weft::run
