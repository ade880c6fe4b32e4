// Drives the analyses over one TU (see Analysis.h).
#include "Analysis.h"

#include "../checks/CheckRegistry.h"
#include "BodyExtraction.h"
#include "ConditionReleases.h"
#include "Linker.h"
#include "Naming.h"
#include "OutParams.h"
#include "OwnedFields.h"
#include "Program.h"
#include "RecursiveMutexes.h"
#include "ReturnedPointees.h"
#include "Specialise.h"
#include "StartedFlags.h"
#include "Summaries.h"
#include "ValueFlow.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/SourceManager.h"

#include <atomic>
#include <string>

namespace weft::analyzer {

using namespace clang;

namespace {

/// Function definitions written in the main file: the roots of the analysis. Functions of the
/// project's headers are summarised when a root reaches them (a call, a thread entry), so a
/// header that many files include costs each file only what it uses; system headers are never
/// analysed. That is what keeps lint close to the cost of parsing.
void collect(const DeclContext *dc, const SourceManager &sm,
             std::vector<const FunctionDecl *> &out) {
  for (const Decl *d : dc->decls()) {
    if (!sm.isInMainFile(sm.getExpansionLoc(d->getLocation())))
      continue;
    if (auto *ns = dyn_cast<NamespaceDecl>(d))
      collect(ns, sm, out);
    else if (auto *ls = dyn_cast<LinkageSpecDecl>(d))
      collect(ls, sm, out);
    else if (auto *ctd = dyn_cast<ClassTemplateDecl>(d)) {
      for (const ClassTemplateSpecializationDecl *spec : ctd->specializations())
        collect(spec, sm, out);
    } else if (auto *rd = dyn_cast<CXXRecordDecl>(d)) {
      if (!rd->isDependentContext())
        collect(rd, sm, out);
    } else if (auto *ftd = dyn_cast<FunctionTemplateDecl>(d)) {
      for (const FunctionDecl *spec : ftd->specializations())
        if (spec->doesThisDeclarationHaveABody())
          out.push_back(spec);
    } else if (auto *fd = dyn_cast<FunctionDecl>(d)) {
      if (fd->doesThisDeclarationHaveABody() && !fd->isDependentContext())
        out.push_back(fd);
    }
  }
}

} // namespace

ProgramFacts extractFacts(ASTContext &context) {
  // Tags keep this TU's locals and file-private globals apart from other TUs' in a joined program.
  static std::atomic<unsigned> nextUnit{0};
  UnitTagScope tag("u" + std::to_string(nextUnit++) + ":");
  std::vector<const FunctionDecl *> fns;
  collect(context.getTranslationUnitDecl(), context.getSourceManager(), fns);
  ProgramFacts facts;
  BodyExtractor extractor(context, facts);
  extractor.setRecursiveLocks(recursivePthreadMutexes(context, fns));
  for (const FunctionDecl *fd : fns) {
    int idx = extractor.functionIndex(fd);
    if (idx >= 0 && fd->isMain()) {
      facts.roots.push_back(idx);
      facts.hasMain = true;
    }
  }
  extractor.drain();
  return facts;
}

AnalysisResult analyzeLinked(ProgramFacts program) {
  resolveValueFlow(program);
  settleOwnedFields(program);
  resolveReturnedPointees(program);
  resolveOutParams(program);
  specialiseConstantCalls(program);
  addConditionReleases(program);
  // A started flag set idle by code that joins no thread says "not running" only if its thread
  // is not running there, which the expanded program tells: assume it, check, and analyse again
  // without the flags that failed (each round drops one at least).
  while (true) {
    summarizeProgram(program);
    AnalysisResult result = buildProgram(program);
    std::set<std::string> broken = brokenStartedFlags(program, result);
    if (broken.empty())
      return result;
    dropStartedFlags(program, broken);
  }
}

AnalysisResult analyze(ASTContext &context) {
  ProgramFacts facts = extractFacts(context);
  return analyzeLinked(linkFacts({&facts}));
}

std::vector<report::Finding> runChecks(const AnalysisResult &result) {
  std::vector<report::Finding> findings;
  for (const auto &check : makeChecks())
    check->run(result, [&](report::Finding f) { findings.push_back(std::move(f)); });
  return findings;
}

} // namespace weft::analyzer
