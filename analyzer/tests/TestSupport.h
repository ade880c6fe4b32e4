// Runs the analyser on a code snippet or a file, for tests. Keeps Clang's tooling headers out of
// the test files themselves.
#pragma once

#include "../analysis/Body.h"
#include "weft/report/Report.h"

#include <string>
#include <vector>

namespace weft::analyzer::test {

/// What one run produced.
struct LintRun {
  bool parsed = false;
  std::string errors; ///< compiler diagnostics, when it did not parse
  AnalysisResult result;
  std::vector<report::Finding> findings;
  double parseSeconds = 0;   ///< front end (what `clang -fsyntax-only` does)
  double analyzeSeconds = 0; ///< the analyses and checks on top

  /// Findings of one rule.
  std::vector<report::Finding> of(const std::string &rule) const;
  /// Is there a finding of `rule` on `variable`?
  bool has(const std::string &rule, const std::string &variable) const;
  /// Locks (by name) held at every access to `variable` on `line`; "-" when none found.
  std::string locksAt(const std::string &variable, int line) const;
  /// One line per finding (`rule: message (file:line)`), for failure messages.
  std::string messages() const;
};

/// Analyses `code` as a C++20 (or C17 when `c` is true) main file named input.cpp.
LintRun analyzeCode(const std::string &code, bool c = false);
/// analyzeCode for snippets that must parse: a parse error fails the calling test.
LintRun analyzeValidCode(const std::string &code, bool c = false);
/// Analyses a file on disk.
LintRun analyzeFile(const std::string &path);

/// A source file of a multi-file program: its name (input.cpp style, no directories) and text.
struct SourceFile {
  std::string name;
  std::string code;
};
/// Parses each file as its own C++20 TU (C17 for a `.c` name), then analyses them as one or more
/// programs the way `weft lint` does (analyzeProgram). `result` holds the first program's analysis.
LintRun analyzeProgramOf(const std::vector<SourceFile> &files);

} // namespace weft::analyzer::test

namespace weft::analyzer::test {

/// 1-based line of the first occurrence of `marker` in `code` (0 when absent).
inline int lineOf(const std::string &code, const std::string &marker) {
  size_t at = code.find(marker);
  if (at == std::string::npos)
    return 0;
  int line = 1;
  for (size_t i = 0; i < at; ++i)
    line += code[i] == '\n';
  return line;
}

} // namespace weft::analyzer::test
