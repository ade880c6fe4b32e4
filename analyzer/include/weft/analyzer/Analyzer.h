// Entry point of the static analysis of one translation unit. The `weft lint` driver parses each
// file of the compilation database and hands the AST here; everything Clang-specific about
// threads, locks and checks stays behind this header.
#pragma once

#include "weft/report/Report.h"

#include <vector>

namespace clang {
class ASTContext;
}

namespace weft::analyzer {

/// Runs every check on one parsed translation unit. Locations carry absolute file paths and the
/// text of the source line; the driver makes them relative, applies suppressions and baselines.
std::vector<report::Finding> analyzeTranslationUnit(clang::ASTContext &context);

} // namespace weft::analyzer
