// The entry points the `weft lint` driver calls (see Analyzer.h).
#include "weft/analyzer/Analyzer.h"

#include "../analysis/Analysis.h"
#include "../analysis/Linker.h"
#include "../analysis/Program.h"

#include "../analysis/Summaries.h"

namespace weft::analyzer {

namespace {

std::string cycleNote(const std::string &cycle) {
  return "the summaries of the recursive calls " + cycle + " did not settle within " +
         std::to_string(kMaxCycleRounds) +
         " rounds and were cut: locks taken or released through this cycle may be missed";
}

} // namespace

UnitFacts extractUnitFacts(clang::ASTContext &context) {
  return std::make_shared<const ProgramFacts>(extractFacts(context));
}

std::vector<report::Finding> analyzeProgram(const std::vector<UnitFacts> &units,
                                            std::vector<std::string> *notes) {
  std::vector<const ProgramFacts *> parts;
  for (const UnitFacts &u : units)
    if (u)
      parts.push_back(u.get());
  std::vector<report::Finding> findings;
  // One program at a time: a joined program copies its units' facts, so only one is alive.
  for (const std::vector<const ProgramFacts *> &members : partitionPrograms(parts)) {
    AnalysisResult result = analyzeLinked(linkFacts(members));
    if (notes)
      for (const std::string &cycle : result.cutCycles)
        notes->push_back(cycleNote(cycle));
    for (report::Finding &f : runChecks(result))
      findings.push_back(std::move(f));
  }
  return findings;
}

std::vector<report::Finding> analyzeTranslationUnit(clang::ASTContext &context) {
  return runChecks(analyze(context));
}

} // namespace weft::analyzer
