// `// NOLINT(weft-<rule>)` comments, with clang-tidy's meaning so that one habit covers both tools:
//   NOLINT / NOLINT(list)           on the finding's primary line
//   NOLINTNEXTLINE / ...(list)      on the line above it
//   NOLINTBEGIN(list) ... NOLINTEND(list)   around it
// `list` is comma-separated check names with `*` globs: weft-data-race, weft-*, *. Without a list
// the comment suppresses every rule (as in clang-tidy); an empty list `()` suppresses nothing.
#pragma once

#include "SourceLines.h"

#include "weft/report/Report.h"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace weft::lint {

/// The prefix that turns a rule id into a check name: data-race -> weft-data-race.
inline constexpr std::string_view kCheckPrefix = "weft-";

/// One NOLINT-family comment found in a line.
struct NolintDirective {
  enum class Kind { ThisLine, NextLine, Begin, End };
  Kind kind = Kind::ThisLine;
  /// The check globs in parentheses; nullopt when there are no parentheses (every check).
  std::optional<std::vector<std::string>> checks;
};

/// Every NOLINT-family directive in `line`, left to right.
std::vector<NolintDirective> parseNolintDirectives(std::string_view line);

/// True when `directive` names the check of `rule` (given without the weft- prefix).
bool directiveCovers(const NolintDirective &directive, std::string_view rule);

/// Decides whether a finding is suppressed by a comment in its file.
class SuppressionFilter {
public:
  explicit SuppressionFilter(SourceLines &sources) : sources_(sources) {}

  /// True when the finding's primary line, the line above or an enclosing NOLINTBEGIN/END
  /// region suppresses its rule. `finding.location.file` must be readable (absolute or
  /// relative to the current directory).
  bool isSuppressed(const report::Finding &finding);

private:
  struct Region {
    int first = 0, last = 0;
    NolintDirective directive;
  };
  const std::vector<Region> &regions(const std::string &file);

  SourceLines &sources_;
  std::map<std::string, std::vector<Region>> regions_;
};

/// Removes the suppressed findings from `findings` and returns how many were removed.
std::size_t removeSuppressed(std::vector<report::Finding> &findings, SourceLines &sources);

} // namespace weft::lint
