// `weft lint`: load the compilation database, analyse its files in parallel, then filter
// (NOLINT, baseline), normalise and write the findings. The order of the steps matters:
// suppressions read the source through absolute paths, fingerprints need relative paths and
// snippets, the baseline needs fingerprints.
#include "Commands.h"

#include "Baseline.h"
#include "CompileDatabase.h"
#include "FileSelection.h"
#include "FindingPipeline.h"
#include "FindingPostprocess.h"
#include "LintOptions.h"
#include "ParallelRunner.h"
#include "PhaseMemory.h"
#include "Progress.h"
#include "SourceLines.h"
#include "TranslationUnitRunner.h"

#include "weft/report/Output.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <exception>
#include <filesystem>

namespace weft::lint {

namespace {

namespace fs = std::filesystem;

void error(const std::string &message) {
  std::fprintf(stderr, "weft lint: error: %s\n", message.c_str());
}

std::string resourceDir() {
  // An override for relocated installs; the build's clang-19 otherwise.
  if (const char *dir = std::getenv("WEFT_CLANG_RESOURCE_DIR"); dir && *dir)
    return dir;
  return WEFT_CLANG_RESOURCE_DIR;
}

std::string nowIso8601() {
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

std::string plural(std::size_t n, const char *word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

/// True when the file was analysed or its failure is one the options accept.
bool accepted(const TuResult &result, const LintOptions &options) {
  return result.status == TuResult::Status::Analysed ||
         (result.status == TuResult::Status::ParseErrors && options.allowParseErrors);
}

/// Parses and analyses every job; failures are printed as they happen and collected. Returns the
/// number of files whose failure fails the run.
std::size_t analyseAll(const LintOptions &options, const std::vector<CompileJob> &jobs,
                       report::Report &out) {
  std::vector<TuResult> results(jobs.size());
  Progress progress(jobs.size(), Progress::stderrIsTerminal());
  const std::string resources = resourceDir();
  runParallel(jobs.size(), options.jobs, [&](std::size_t i) {
    const std::string shown = relativeToRoot(jobs[i].file, options.root);
    progress.started(shown);
    results[i] = analyzeCompileJob(jobs[i], resources);
    if (results[i].status != TuResult::Status::Analysed)
      progress.print(results[i].diagnostics +
                     "weft lint: " + (accepted(results[i], options) ? "warning: " : "error: ") +
                     shown + ": " + results[i].failure + "; the file was not analysed\n");
  });
  progress.clear();
  std::size_t failedFiles = 0;
  std::vector<analyzer::UnitFacts> units;
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    out.inputs.push_back(relativeToRoot(jobs[i].file, options.root));
    if (results[i].status != TuResult::Status::Analysed)
      out.tool_errors.push_back(out.inputs.back() + ": " + results[i].failure + "; not analysed");
    if (!accepted(results[i], options))
      ++failedFiles;
    if (results[i].facts)
      units.push_back(std::move(results[i].facts));
  }
  const long perFilePeak = peakRssKiB();
  const long programStart = currentRssKiB(); // the facts of every file, and the heap kept
  resetPeakRss();
  // The whole program at once: a thread entry or callee in another file is followed there.
  try {
    out.findings = analyzer::analyzeProgram(units, &out.notes);
  } catch (const std::exception &e) {
    out.tool_errors.push_back(std::string("whole-program analysis: internal error: ") + e.what());
    progress.print("weft lint: error: whole-program analysis failed: " + std::string(e.what()) +
                   "\n");
    ++failedFiles;
  }
  if (statsRequested())
    progress.print("weft lint: stats: peak memory " + std::to_string(perFilePeak / 1024) +
                   " MiB in the per-file phase, " + std::to_string(peakRssKiB() / 1024) +
                   " MiB in the whole-program phase (" +
                   std::to_string((peakRssKiB() - programStart) / 1024) +
                   " MiB above its start)\n");
  return failedFiles;
}

/// Writes `content` to `path`, or to stdout when `path` is empty. False after printing an error.
bool writeOutput(const std::string &path, const std::string &content) {
  if (path.empty()) {
    std::fwrite(content.data(), 1, content.size(), stdout);
    std::fflush(stdout);
    return true;
  }
  try {
    report::writeFileAtomically(path, content);
    return true;
  } catch (const std::exception &e) {
    error(e.what());
    return false;
  }
}

int runLint(const LintOptions &options) {
  std::vector<BaselineEntry> baseline;
  if (!options.baseline.empty()) {
    try {
      baseline = readBaselineFile(options.baseline);
    } catch (const BaselineError &e) {
      error(e.what());
      return cli::kToolError;
    }
  }

  std::vector<CompileJob> jobs;
  try {
    jobs = firstCommandPerFile(loadCompileDatabase(options.buildDir));
  } catch (const DatabaseError &e) {
    error(e.what());
    return cli::kToolError;
  }
  std::string selectionError;
  std::optional<std::vector<CompileJob>> selected =
      selectJobs(jobs, options.files, fs::current_path(), selectionError);
  if (!selected) {
    error(selectionError);
    return cli::kToolError;
  }
  std::vector<std::string> assembly;
  dropAssemblySources(*selected, assembly);
  if (!assembly.empty())
    std::fprintf(stderr, "weft lint: skipped %s (not C or C++): %s%s\n",
                 plural(assembly.size(), "assembly source").c_str(), assembly.front().c_str(),
                 assembly.size() > 1 ? ", ..." : "");
  if (selected->empty()) {
    error("nothing to analyse: every selected file is an assembly source");
    return cli::kToolError;
  }

  report::Report report;
  report.tool_version = WEFT_VERSION;
  report.command = "lint";
  report.root = options.root.string();
  report.started_at = nowIso8601();
  const std::size_t failedFiles = analyseAll(options, *selected, report);

  SourceLines sources;
  finishFindings(report, options.root, sources);

  if (!options.writeBaseline.empty()) {
    if (failedFiles > 0) {
      error("baseline '" + options.writeBaseline + "' not written: " + plural(failedFiles, "file") +
            " could not be analysed");
      return cli::kToolError;
    }
    if (!writeOutput(options.writeBaseline, baselineText(report.findings)))
      return cli::kToolError;
    std::fprintf(stderr, "weft lint: wrote %s to the baseline '%s'\n",
                 plural(report.findings.size(), "finding").c_str(), options.writeBaseline.c_str());
    if (!options.output.empty() &&
        !writeOutput(options.output, report::render(report, options.format)))
      return cli::kToolError;
    return cli::kClean;
  }

  if (!options.baseline.empty()) {
    // Printed even when 0: a CI log then shows that the baseline was read at all.
    std::size_t accepted = removeBaselined(report.findings, baseline);
    std::fprintf(stderr, "weft lint: %s suppressed by the baseline\n",
                 plural(accepted, "finding").c_str());
  }

  report::TextOptions text;
  text.reportPath = options.output;
  text.color = options.output.empty() && isatty(STDOUT_FILENO) == 1;
  if (!writeOutput(options.output, report::render(report, options.format, text)))
    return cli::kToolError;
  if (failedFiles > 0)
    return cli::kToolError;
  return report.findings.empty() ? cli::kClean : cli::kFindings;
}

} // namespace

} // namespace weft::lint

int weft::cli::lintCommand(int argc, char **argv) {
  int exitCode = kToolError;
  std::optional<lint::LintOptions> options = lint::parseLintOptions(argc, argv, exitCode);
  if (!options)
    return exitCode;
  try {
    return lint::runLint(*options);
  } catch (const std::exception &e) {
    lint::error(e.what());
    return kToolError;
  }
}
