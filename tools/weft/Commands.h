// The `weft` subcommands. Each lives in its own folder below tools/weft/ and is linked into the one
// `weft` executable; main.cpp only dispatches.
#pragma once

namespace weft::cli {

/// Exit statuses shared by every command (see docs/cli.md).
enum ExitCode : int { kClean = 0, kFindings = 1, kToolError = 2 };

// Each takes the arguments after the subcommand name (argv[0] is the subcommand).
int lintCommand(int argc, char **argv);
int runCommand(int argc, char **argv);
int replayCommand(int argc, char **argv);
int reportCommand(int argc, char **argv);

} // namespace weft::cli
