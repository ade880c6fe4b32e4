// Each call builds a ClangTool over a one-command database on a private physical file system, so
// the working directory of one file's command never changes the process's (ClangTool's default
// file system chdir()s, which threads cannot share). Diagnostics are captured per file and printed
// whole by the caller, so parallel files do not interleave their output.
#include "TranslationUnitRunner.h"

#include "CompilerFlags.h"

#include "weft/analyzer/Analyzer.h"

#include <clang/AST/ASTConsumer.h>
#include <clang/AST/ASTContext.h>
#include <clang/Basic/Diagnostic.h>
#include <clang/Basic/DiagnosticOptions.h>
#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/CompilerInvocation.h>
#include <clang/Frontend/FrontendAction.h>
#include <clang/Frontend/TextDiagnosticPrinter.h>
#include <clang/Tooling/ArgumentsAdjusters.h>
#include <clang/Tooling/CompilationDatabase.h>
#include <clang/Tooling/Tooling.h>
#include <llvm/Support/CrashRecoveryContext.h>
#include <llvm/Support/VirtualFileSystem.h>
#include <llvm/Support/raw_ostream.h>

#include <exception>

namespace weft::lint {

namespace {

using clang::tooling::CompileCommand;

/// A database of exactly one command, the one the driver chose for this file.
class SingleCommandDatabase : public clang::tooling::CompilationDatabase {
public:
  explicit SingleCommandDatabase(CompileCommand command) : command_(std::move(command)) {}
  std::vector<CompileCommand> getCompileCommands(llvm::StringRef) const override {
    return {command_};
  }
  std::vector<std::string> getAllFiles() const override { return {command_.Filename}; }
  std::vector<CompileCommand> getAllCompileCommands() const override { return {command_}; }

private:
  CompileCommand command_;
};

/// Extracts the TU's facts once it is parsed, unless parsing failed.
class AnalyzeConsumer : public clang::ASTConsumer {
public:
  AnalyzeConsumer(TuResult &result) : result_(result) {}
  void HandleTranslationUnit(clang::ASTContext &context) override {
    if (context.getDiagnostics().hasErrorOccurred())
      return;
    try {
      result_.facts = analyzer::extractUnitFacts(context);
    } catch (const std::exception &e) {
      // An analyser bug must not take the other files down with it.
      result_.status = TuResult::Status::Failed;
      result_.failure = std::string("internal error in the analyser: ") + e.what();
    }
  }

private:
  TuResult &result_;
};

class AnalyzeAction : public clang::ASTFrontendAction {
public:
  explicit AnalyzeAction(TuResult &result) : result_(result) {}
  std::unique_ptr<clang::ASTConsumer> CreateASTConsumer(clang::CompilerInstance &,
                                                        llvm::StringRef) override {
    return std::make_unique<AnalyzeConsumer>(result_);
  }

private:
  TuResult &result_;
};

class AnalyzeActionFactory : public clang::tooling::FrontendActionFactory {
public:
  explicit AnalyzeActionFactory(TuResult &result) : result_(result) {}
  std::unique_ptr<clang::FrontendAction> create() override {
    return std::make_unique<AnalyzeAction>(result_);
  }

  bool runInvocation(std::shared_ptr<clang::CompilerInvocation> invocation,
                     clang::FileManager *files, std::shared_ptr<clang::PCHContainerOperations> pch,
                     clang::DiagnosticConsumer *diagnostics) override {
    // With carets on, CompilerInstance::ExecuteAction writes "N errors generated." straight to
    // stderr, past the per-file capture. The capturing printer has options of its own and still
    // shows carets.
    invocation->getDiagnosticOpts().ShowCarets = false;
    return FrontendActionFactory::runInvocation(std::move(invocation), files, std::move(pch),
                                                diagnostics);
  }

private:
  TuResult &result_;
};

clang::tooling::ArgumentsAdjuster weftAdjuster(const std::string &resourceDir) {
  return [resourceDir](const clang::tooling::CommandLineArguments &args, llvm::StringRef) {
    std::vector<std::string> out = stripGccOnlyFlags(args);
    // After argv[0], so that a later -resource-dir in the database (a clang build) still wins.
    out.insert(out.begin() + (out.empty() ? 0 : 1), {"-resource-dir", resourceDir});
    if (!out.empty() && isGccCompiler(out.front()))
      for (std::string &flag : gccLeniencyFlags())
        out.push_back(std::move(flag));
    out.push_back("-w");
    return out;
  };
}

} // namespace

std::vector<std::string> clangArguments(const CompileJob &job, const std::string &resourceDir) {
  using namespace clang::tooling;
  ArgumentsAdjuster all = combineAdjusters(
      combineAdjusters(getClangStripOutputAdjuster(), getClangSyntaxOnlyAdjuster()),
      combineAdjusters(getClangStripDependencyFileAdjuster(), weftAdjuster(resourceDir)));
  return all(job.arguments, job.file);
}

TuResult analyzeCompileJob(const CompileJob &job, const std::string &resourceDir) {
  TuResult result;
  SingleCommandDatabase db(CompileCommand(job.directory, job.file, job.arguments, ""));
  clang::tooling::ClangTool tool(db, {job.file}, std::make_shared<clang::PCHContainerOperations>(),
                                 llvm::vfs::createPhysicalFileSystem());
  tool.appendArgumentsAdjuster(weftAdjuster(resourceDir));
  tool.setPrintErrorMessage(false);

  llvm::raw_string_ostream errors(result.diagnostics);
  llvm::IntrusiveRefCntPtr<clang::DiagnosticOptions> options = new clang::DiagnosticOptions();
  clang::TextDiagnosticPrinter printer(errors, options.get());
  tool.setDiagnosticConsumer(&printer);

  AnalyzeActionFactory factory(result);
  int status = 1;
  // A crash in Clang or the analyser on one file becomes that file's tool error instead of
  // taking the whole run, and every other file's findings, down with it.
  static const bool crashRecoveryEnabled = [] {
    llvm::CrashRecoveryContext::Enable();
    return true;
  }();
  (void)crashRecoveryEnabled;
  llvm::CrashRecoveryContext recovery;
  if (!recovery.RunSafely([&] { status = tool.run(&factory); })) {
    result.status = TuResult::Status::Failed;
    result.facts.reset();
    result.failure = "Clang or the analyser crashed";
    return result;
  }
  errors.flush();
  if (result.status == TuResult::Status::Analysed) {
    if (unsigned errors = printer.getNumErrors(); errors > 0) {
      result.status = TuResult::Status::ParseErrors;
      result.failure =
          std::to_string(errors) + (errors == 1 ? " error" : " errors") + " while parsing";
    } else if (status != 0) {
      result.status = TuResult::Status::ParseErrors; // e.g. a driver error on the command
      result.failure = "Clang could not run the compile command";
    }
  }
  if (result.status != TuResult::Status::Analysed)
    result.facts.reset();
  return result;
}

} // namespace weft::lint
