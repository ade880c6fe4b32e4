// Which compile commands a run analyses: all of them, or those of the files named on the command
// line (as the user typed them: relative to the current directory, or absolute).
#pragma once

#include "CompileJob.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace weft::lint {

/// The first command of each file, in database order: a file compiled twice (two configurations)
/// is analysed once.
std::vector<CompileJob> firstCommandPerFile(std::vector<CompileJob> jobs);

/// An assembly source (`.s`, `.S`, `.sx`, `.asm`, or compiled with `-x assembler...`): build
/// systems list them beside the C and C++ files (zstd's huf_decompress_amd64.S), and Clang cannot
/// parse them as either.
bool isAssemblySource(const CompileJob &job);

/// Moves the assembly sources out of `jobs` into `skipped` (their files, in database order).
void dropAssemblySources(std::vector<CompileJob> &jobs, std::vector<std::string> &skipped);

/// The jobs of the `named` files in the order named, or of every job when `named` is empty.
/// On a file the database does not hold, sets `error` to a one-line message and returns nullopt.
std::optional<std::vector<CompileJob>> selectJobs(const std::vector<CompileJob> &jobs,
                                                  const std::vector<std::string> &named,
                                                  const std::filesystem::path &cwd,
                                                  std::string &error);

} // namespace weft::lint
