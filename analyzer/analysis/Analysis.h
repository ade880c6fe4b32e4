// Runs every analysis on one TU: summaries of the main file's functions, thread contexts,
// absolute locksets; or extracts a TU's facts for the whole-program step (Linker.h).
// Analyzer.cpp feeds the result to the checks; tests inspect it directly.
#pragma once

#include "Body.h"

namespace clang {
class ASTContext;
}

namespace weft::analyzer {

/// What one parsed translation unit contributes to a program: the summaries of its main file's
/// functions (and the project-header functions they reach), its thread sites, its `main`.
ProgramFacts extractFacts(clang::ASTContext &context);

/// The analyses' result for a linked program (linkFacts): whole-program summaries (Summaries.h),
/// then the thread contexts (Program.h).
AnalysisResult analyzeLinked(ProgramFacts program);

/// The analyses' result for one parsed translation unit taken as the whole program.
AnalysisResult analyze(clang::ASTContext &context);

/// Runs every registered check on a result; findings in rule order, then source order.
std::vector<report::Finding> runChecks(const AnalysisResult &result);

} // namespace weft::analyzer
