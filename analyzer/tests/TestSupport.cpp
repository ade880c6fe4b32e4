// Snippet and file runners for the analyser tests (see TestSupport.h).
#include "TestSupport.h"

#include "../analysis/Analysis.h"
#include "../analysis/Linker.h"
#include "../analysis/Program.h"
#include "weft/analyzer/Analyzer.h"

#include "clang/Frontend/ASTUnit.h"
#include "clang/Frontend/TextDiagnosticBuffer.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <chrono>
#include <gtest/gtest.h>
#include <set>

namespace weft::analyzer::test {

std::vector<report::Finding> LintRun::of(const std::string &rule) const {
  std::vector<report::Finding> out;
  for (const auto &f : findings)
    if (f.rule == rule)
      out.push_back(f);
  return out;
}

std::string LintRun::messages() const {
  std::string out;
  for (const auto &f : findings)
    out += f.rule + ": " + f.message + " (" + f.location.file + ":" +
           std::to_string(f.location.line) + ")\n";
  return out;
}

bool LintRun::has(const std::string &rule, const std::string &variable) const {
  return std::any_of(findings.begin(), findings.end(), [&](const report::Finding &f) {
    return f.rule == rule && f.variable == variable;
  });
}

std::string LintRun::locksAt(const std::string &variable, int line) const {
  std::set<std::string> common;
  bool first = true;
  for (const Access &a : result.accesses) {
    if (a.obj.name != variable || a.loc.line != line)
      continue;
    std::set<std::string> names;
    for (const HeldLock &h : a.locks)
      if (h.isLock())
        names.insert(h.lock.name + (h.shared ? "(shared)" : ""));
    if (first)
      common = names;
    else
      std::erase_if(common, [&](const std::string &n) { return !names.count(n); });
    first = false;
  }
  if (first)
    return "-";
  std::string out;
  for (const std::string &n : common)
    out += (out.empty() ? "" : ",") + n;
  return out.empty() ? "{}" : out;
}

namespace {

LintRun runOn(const std::string &code, const std::string &file, bool c,
              const std::string &includeDir) {
  LintRun run;
  std::vector<std::string> args = {c ? "-std=gnu17" : "-std=c++20",
                                   "-fsyntax-only",
                                   "-pthread",
                                   "-resource-dir",
                                   WEFT_CLANG_RESOURCE_DIR,
                                   "-Wno-thread-safety-analysis"};
  if (c)
    args.insert(args.begin(), {"-x", "c"});
  if (!includeDir.empty())
    args.push_back("-I" + includeDir);
  else if (!c) // a snippet, not a corpus file: its standard headers come precompiled
    args.insert(args.end(), {"-include-pch", WEFT_SNIPPET_PCH});
  auto t0 = std::chrono::steady_clock::now();
  std::unique_ptr<clang::ASTUnit> unit =
      clang::tooling::buildASTFromCodeWithArgs(code, args, file, "weft-test");
  auto t1 = std::chrono::steady_clock::now();
  run.parseSeconds = std::chrono::duration<double>(t1 - t0).count();
  if (!unit || unit->getDiagnostics().hasErrorOccurred()) {
    run.errors = "parse failed";
    return run;
  }
  run.parsed = true;
  run.result = analyze(unit->getASTContext());
  run.findings = runChecks(run.result);
  run.analyzeSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
  return run;
}

} // namespace

LintRun analyzeCode(const std::string &code, bool c) {
  return runOn(code, c ? "/tmp/weft-test/input.c" : "/tmp/weft-test/input.cpp", c, "");
}

LintRun analyzeValidCode(const std::string &code, bool c) {
  LintRun r = analyzeCode(code, c);
  EXPECT_TRUE(r.parsed) << r.errors;
  return r;
}

LintRun analyzeFile(const std::string &path) {
  auto buf = llvm::MemoryBuffer::getFile(path);
  if (!buf) {
    LintRun r;
    r.errors = "cannot read " + path;
    return r;
  }
  bool c = llvm::StringRef(path).ends_with(".c");
  return runOn((*buf)->getBuffer().str(), path, c, llvm::sys::path::parent_path(path).str());
}

LintRun analyzeProgramOf(const std::vector<SourceFile> &files) {
  LintRun run;
  std::vector<UnitFacts> units;
  for (const SourceFile &f : files) {
    std::vector<std::string> args = {"-std=c++20",    "-fsyntax-only",         "-pthread",
                                     "-resource-dir", WEFT_CLANG_RESOURCE_DIR, "-include-pch",
                                     WEFT_SNIPPET_PCH};
    if (llvm::StringRef(f.name).ends_with(".c"))
      args = {"-x",
              "c",
              "-std=gnu17",
              "-fsyntax-only",
              "-pthread",
              "-resource-dir",
              WEFT_CLANG_RESOURCE_DIR};
    std::unique_ptr<clang::ASTUnit> unit = clang::tooling::buildASTFromCodeWithArgs(
        f.code, args, "/tmp/weft-test/" + f.name, "weft-test");
    if (!unit || unit->getDiagnostics().hasErrorOccurred()) {
      run.errors = f.name + ": parse failed";
      ADD_FAILURE() << run.errors;
      return run;
    }
    units.push_back(extractUnitFacts(unit->getASTContext()));
  }
  run.parsed = true;
  std::vector<const ProgramFacts *> parts;
  for (const UnitFacts &u : units)
    parts.push_back(u.get());
  run.result = analyzeLinked(linkFacts(partitionPrograms(parts).front()));
  run.findings = analyzeProgram(units);
  return run;
}

} // namespace weft::analyzer::test
