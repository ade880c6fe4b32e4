// Source lines on demand, each file read once: suppression comments and empty snippets both need
// the text of the lines findings point at, after all translation units are done.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace weft::lint {

/// A cache of source files split into lines.
class SourceLines {
public:
  /// Line `line` (1-based) of `file` without its line terminator; nullptr when the file cannot be
  /// read or has no such line.
  const std::string *line(const std::string &file, int line);

  /// Makes `file` read as `text` (tests use it instead of files on disk).
  void add(const std::string &file, std::string_view text);

private:
  std::map<std::string, std::optional<std::vector<std::string>>> files_;
};

/// `text` without leading and trailing white space (what a snippet holds).
std::string trimmed(std::string_view text);

} // namespace weft::lint
