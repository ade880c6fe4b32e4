// Internal: source lines for the text view's caret. Snippets in reports are trimmed, so the column
// only lines up with the line as written; the writer reads it back when the source is at hand.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace weft::report::detail {

/// Reads each file once; paths are resolved against `root` unless absolute.
class SourceLines {
public:
  explicit SourceLines(std::string root) : root_(std::move(root)) {}

  /// Line `line` (1-based) of `file` without its terminator, or nullptr when unreadable.
  const std::string *line(const std::string &file, int line);

private:
  std::string root_;
  std::map<std::string, std::optional<std::vector<std::string>>> files_;
};

/// `text` without leading and trailing white space.
std::string trim(const std::string &text);

} // namespace weft::report::detail
