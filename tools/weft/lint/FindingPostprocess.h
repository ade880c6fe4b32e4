// What the driver does to the analyser's raw findings before anyone sees them: fill missing
// snippets, make paths relative to the root, put them in a deterministic order and drop the
// copies that several translation units report for one header.
#pragma once

#include "SourceLines.h"

#include "weft/report/Report.h"

#include <filesystem>
#include <string>
#include <vector>

namespace weft::lint {

/// Fills every empty snippet (primary, related, thread creation and stack locations) with the
/// trimmed text of its source line. Paths must still be readable (absolute).
void fillSnippets(std::vector<report::Finding> &findings, SourceLines &sources);

/// `path` relative to `root` when it lies below it, otherwise unchanged. Both are normalised
/// lexically; `root` must be absolute.
std::string relativeToRoot(const std::string &path, const std::filesystem::path &root);

/// Applies relativeToRoot to every location of every finding.
void makePathsRelative(std::vector<report::Finding> &findings, const std::filesystem::path &root);

/// Sorts by (file, line, column, rule, variable, message) and keeps the first of findings that
/// agree on all of those: the same header finding seen from two translation units is one finding.
/// The result does not depend on the input order except among such duplicates.
void sortAndDeduplicate(std::vector<report::Finding> &findings);

} // namespace weft::lint
