// The options of `weft lint` and their parsing (DESIGN.md's command-line contract).
#pragma once

#include "weft/report/Output.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace weft::lint {

/// Everything `weft lint` was asked to do, checked and with defaults applied.
struct LintOptions {
  std::string buildDir;           ///< -p: holds compile_commands.json
  std::vector<std::string> files; ///< positional: analyse only these (empty: all)
  unsigned jobs = 1;              ///< -j: worker threads (default: every core)
  report::Format format = report::Format::Text;
  std::string output;            ///< -o: empty for stdout
  std::string baseline;          ///< --baseline: accepted fingerprints
  std::string writeBaseline;     ///< --write-baseline: write the fingerprints and exit 0
  bool allowParseErrors = false; ///< files that fail to parse do not fail the run
  std::filesystem::path root;    ///< --root, absolute: report paths are relative to it
};

/// Parses the arguments after `lint`. On --help or an error returns nullopt and sets `exitCode`
/// (0 after printing the help, 2 after printing one error line).
std::optional<LintOptions> parseLintOptions(int argc, char **argv, int &exitCode);

} // namespace weft::lint
