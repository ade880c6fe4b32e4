// Reads source lines for snippets and variable names, each file once per driver run.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace weft::run {

class SourceFiles {
public:
  /// Line `line` (1-based) of `path`, without its newline; empty when unavailable.
  const std::string &line(const std::string &path, int line);

private:
  std::map<std::string, std::vector<std::string>> files_;
};

/// `text` without leading and trailing whitespace.
std::string trim(const std::string &text);

} // namespace weft::run
