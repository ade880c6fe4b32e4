// The entry points the `weft lint` driver calls (see Analyzer.h).
#include "weft/analyzer/Analyzer.h"

#include "../analysis/Analysis.h"
#include "../analysis/Linker.h"
#include "../analysis/Program.h"

namespace weft::analyzer {

UnitFacts extractUnitFacts(clang::ASTContext &context) {
  return std::make_shared<const ProgramFacts>(extractFacts(context));
}

std::vector<report::Finding> analyzeProgram(const std::vector<UnitFacts> &units) {
  std::vector<const ProgramFacts *> parts;
  for (const UnitFacts &u : units)
    if (u)
      parts.push_back(u.get());
  std::vector<report::Finding> findings;
  // One program at a time: a joined program copies its units' facts, so only one is alive.
  for (const std::vector<const ProgramFacts *> &members : partitionPrograms(parts))
    for (report::Finding &f : runChecks(analyzeLinked(linkFacts(members))))
      findings.push_back(std::move(f));
  return findings;
}

std::vector<report::Finding> analyzeTranslationUnit(clang::ASTContext &context) {
  return runChecks(analyze(context));
}

} // namespace weft::analyzer
