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

/// The jobs of the `named` files in the order named, or of every job when `named` is empty.
/// On a file the database does not hold, sets `error` to a one-line message and returns nullopt.
std::optional<std::vector<CompileJob>> selectJobs(const std::vector<CompileJob> &jobs,
                                                  const std::vector<std::string> &named,
                                                  const std::filesystem::path &cwd,
                                                  std::string &error);

} // namespace weft::lint
