// Runs every analysis on one TU: summaries of the main file's functions, thread contexts,
// absolute locksets. Analyzer.cpp feeds the result to the checks; tests inspect it directly.
#pragma once

#include "Model.h"

namespace clang {
class ASTContext;
}

namespace weft::analyzer {

/// The analyses' result for one parsed translation unit (only main-file code is analysed).
AnalysisResult analyze(clang::ASTContext &context);

/// Runs every registered check on a result; findings in rule order, then source order.
std::vector<report::Finding> runChecks(const AnalysisResult &result);

} // namespace weft::analyzer
