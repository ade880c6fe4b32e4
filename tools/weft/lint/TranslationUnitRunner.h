// Parsing one file of the compilation database with Clang and extracting the analyser's facts.
// The only place (with CompileDatabase.cpp) that includes Clang's headers; safe to call from
// several threads at once, each call builds its own compiler.
#pragma once

#include "CompileJob.h"

#include "weft/analyzer/Analyzer.h"

#include <string>
#include <vector>

namespace weft::lint {

/// What analysing one file gave.
struct TuResult {
  analyzer::UnitFacts facts; ///< for the whole-program step; null when not analysed
  /// Analysed; or not, because the file does not parse (a user problem that
  /// --allow-parse-errors may accept), or because weft itself failed (a crash; never accepted).
  enum class Status { Analysed, ParseErrors, Failed };
  Status status = Status::Analysed;
  std::string failure;     ///< why not, e.g. "2 errors while parsing"; empty when analysed
  std::string diagnostics; ///< Clang's error output for the file, in Clang's format
};

/// The command Clang runs for `job`: gcc-only options stripped, -resource-dir, -fsyntax-only
/// and -w added (warnings are the compiler's job, not the linter's).
std::vector<std::string> clangArguments(const CompileJob &job, const std::string &resourceDir);

/// Parses `job` and extracts its facts (weft::analyzer::extractUnitFacts). A file with errors is
/// not analysed: its AST is incomplete and would give false findings (a lock call that did not
/// parse).
TuResult analyzeCompileJob(const CompileJob &job, const std::string &resourceDir);

} // namespace weft::lint
