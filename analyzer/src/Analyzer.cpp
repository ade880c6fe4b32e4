// The one entry point the `weft lint` driver calls per parsed TU (see Analyzer.h).
#include "weft/analyzer/Analyzer.h"

#include "../analysis/Analysis.h"

namespace weft::analyzer {

std::vector<report::Finding> analyzeTranslationUnit(clang::ASTContext &context) {
  return runChecks(analyze(context));
}

} // namespace weft::analyzer
