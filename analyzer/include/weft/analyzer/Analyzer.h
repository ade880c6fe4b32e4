// Entry points of the static analysis. The `weft lint` driver parses each file of the compilation
// database, extracts its facts here, then analyses the whole program; everything Clang-specific
// about threads, locks and checks stays behind this header.
#pragma once

#include "weft/report/Report.h"

#include <memory>
#include <vector>

namespace clang {
class ASTContext;
}

namespace weft::analyzer {

struct ProgramFacts;

/// What one translation unit contributes to the whole-program analysis: plain data (summaries of
/// its functions, its thread sites), so the AST can be freed as soon as it is extracted.
using UnitFacts = std::shared_ptr<const ProgramFacts>;

/// Extracts what the whole-program step needs from one parsed translation unit.
UnitFacts extractUnitFacts(clang::ASTContext &context);

/// Joins the units into the programs they make up and runs every check on each. Calls and thread
/// entries a file only declares are bound to the file that defines them. With several `main`s,
/// each is a program of its own with the units it reaches (analysis/Linker.h). Locations carry
/// absolute file paths and the text of the source line; a finding in code two programs share comes
/// once per program (the driver deduplicates, makes paths relative, applies suppressions and
/// baselines). `notes`, when given, receives what the analysis wants the reader to know that is not
/// a finding (report::Report::notes): the recursive call cycles whose summaries were cut at the
/// bound.
std::vector<report::Finding> analyzeProgram(const std::vector<UnitFacts> &units,
                                            std::vector<std::string> *notes = nullptr);

/// Runs every check on one parsed translation unit taken as the whole program.
std::vector<report::Finding> analyzeTranslationUnit(clang::ASTContext &context);

} // namespace weft::analyzer
