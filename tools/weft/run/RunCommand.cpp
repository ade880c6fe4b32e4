// `weft run`: explore interleavings of an instrumented program and report the first failing one
// (or every distinct one with --keep-going), with the schedule `weft replay` forces again.
#include "Commands.h"

#include "Args.h"
#include "Explorer.h"
#include "ReportBuilder.h"
#include "RunSupport.h"

#include "weft/report/Fingerprint.h"

#include <chrono>
#include <cstdio>
#include <set>
#include <unistd.h>

namespace weft::cli {
namespace {

constexpr const char *kUsage =
    R"(usage: weft run [options] -- PROGRAM [ARGS...]

Runs an instrumented program (built with weft-c++ / weft-cc or weft_instrument()) many times, each
time under a different interleaving chosen by a strategy, and reports the first run that fails: a
data race, a deadlock, a lock misuse, a failed assertion, a crash, or a hang.

options:
  --strategy random|pct|dfs  how interleavings are chosen (default pct; see docs/strategies.md)
  --iterations N             at most N runs (default 1000)
  --seed S                   exploration seed (default 0); the same seed gives the same report
  --pct-depth D              PCT's bug depth: ordering constraints to hit (default 3)
  --preemption-bound B       dfs: most preemptions per schedule (default 2; -1 unbounded)
  --max-steps N              scheduling steps per run before it counts as a livelock
  --timeout SEC              seconds per run before it counts as hung and is killed (default 10)
  -j N                       runs at a time, each pinned to its own CPU (default 1)
  --keep-going               do every run and report each distinct failure
  --show-output              let the program's stdout and stderr through (default: hidden)
  -o FILE                    write the report to FILE (JSON unless --format says otherwise)
  --format text|json|sarif|html
                             the format of -o, or of the terminal output when -o is not given

Without -o, a report with findings is written to weft-run.json so it can be replayed.
Exit status: 0 no findings, 1 findings, 2 weft could not do its job.
)";

bool parseSignedInt(const std::string &text, int &out) {
  try {
    std::size_t used = 0;
    long v = std::stol(text, &used);
    if (used != text.size() || v < -1 || v > 1000000)
      return false;
    out = static_cast<int>(v);
    return true;
  } catch (...) {
    return false;
  }
}

bool parseSeconds(const std::string &text, double &out) {
  try {
    std::size_t used = 0;
    out = std::stod(text, &used);
    return used == text.size() && out >= 0;
  } catch (...) {
    return false;
  }
}

} // namespace

int runCommand(int argc, char **argv) {
  std::string strategy = "pct", iterations = "1000", seed = "0", pctDepth = "3", bound = "2",
              maxSteps, timeout = "10", jobs = "1", outPath, format;
  bool keepGoing = false, showOutput = false;
  Args args("run", kUsage);
  args.value({"--strategy"}, &strategy);
  args.value({"--iterations"}, &iterations);
  args.value({"--seed"}, &seed);
  args.value({"--pct-depth"}, &pctDepth);
  args.value({"--preemption-bound"}, &bound);
  args.value({"--max-steps"}, &maxSteps);
  args.value({"--timeout"}, &timeout);
  args.value({"-j", "--jobs"}, &jobs);
  args.value({"-o", "--output"}, &outPath);
  args.value({"--format"}, &format);
  args.flag({"--keep-going"}, &keepGoing);
  args.flag({"--show-output"}, &showOutput);
  if (!args.parse(argc, argv))
    return args.exitCode();

  run::ExploreOptions options;
  if (strategy != "pct" && strategy != "random" && strategy != "dfs")
    return args.fail("unknown strategy '" + strategy + "' (random, pct or dfs)");
  options.strategy = strategy;
  auto n = parseCount(args, "--iterations", iterations);
  auto s = parseCount(args, "--seed", seed);
  auto d = parseCount(args, "--pct-depth", pctDepth);
  auto j = parseCount(args, "-j", jobs);
  if (!n || !s || !d || !j)
    return kToolError;
  if (*n == 0)
    return args.fail("option '--iterations' needs at least 1");
  if (*d == 0 || *d > 1000)
    return args.fail("option '--pct-depth' needs a value from 1 to 1000, got '" + pctDepth + "'");
  if (*j == 0 || *j > 1024)
    return args.fail("option '-j' needs a value from 1 to 1024, got '" + jobs + "'");
  options.iterations = *n;
  options.seed = *s;
  options.pctDepth = static_cast<int>(*d);
  options.jobs = static_cast<int>(*j);
  if (!parseSignedInt(bound, options.preemptionBound))
    return args.fail("option '--preemption-bound' needs an integer >= -1, got '" + bound + "'");
  if (!maxSteps.empty()) {
    auto m = parseCount(args, "--max-steps", maxSteps);
    if (!m)
      return kToolError;
    if (*m == 0)
      return args.fail("option '--max-steps' needs at least 1");
    options.maxSteps = *m;
  }
  if (!parseSeconds(timeout, options.timeoutSeconds))
    return args.fail("option '--timeout' needs a number of seconds, got '" + timeout + "'");
  if (std::string e = run::checkFormat(format); !e.empty())
    return args.fail(e);
  if (!args.positional().empty())
    return args.fail("unexpected argument '" + args.positional()[0] +
                     "' (the program goes after '--')");
  if (!args.rest() || args.rest()->empty())
    return args.fail("no program to run (usage: weft run [options] -- PROGRAM [ARGS...])");
  options.program = *args.rest();
  options.keepGoing = keepGoing;
  options.showOutput = showOutput;
  options.progress = isatty(2) && !showOutput;

  std::string root = run::currentDirectory();
  run::ReportBuilder builder(root, run::resolveProgram(options.program[0]));
  if (options.progress) // on a terminal; logs get the summary line at the end, which has the seed
    std::fprintf(stderr, "weft run: strategy %s, seed %llu, up to %llu runs, -j %d\n",
                 strategy.c_str(), static_cast<unsigned long long>(options.seed),
                 static_cast<unsigned long long>(options.iterations), options.jobs);
  auto started = std::chrono::steady_clock::now();
  run::ExploreOutcome outcome = run::explore(options, builder);
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  for (const std::string &w : outcome.warnings)
    std::fprintf(stderr, "weft run: warning: %s\n", w.c_str());
  if (!outcome.toolError.empty())
    return args.fail(outcome.toolError);

  report::Report report;
  report.tool_version = WEFT_VERSION_STRING;
  report.command = "run";
  report.root = root;
  report.inputs = options.program;
  report.started_at = run::utcNow();
  report::Exploration exploration;
  exploration.strategy = strategy;
  exploration.seed = options.seed;
  exploration.iterations = outcome.runs;
  exploration.exhausted = outcome.exhausted;
  exploration.pct_depth = options.pctDepth;
  exploration.preemption_bound = options.preemptionBound;
  exploration.max_steps = options.maxSteps ? options.maxSteps : 20000000;
  report.exploration = exploration;

  // Findings in iteration order; with --keep-going the same bug found by several runs once.
  std::set<std::string> seen;
  for (const run::Failure &failure : outcome.failures) {
    for (report::Finding &f : builder.findings(failure.run, strategy, options.timeoutSeconds)) {
      f.fingerprint = report::fingerprint(f);
      if (!seen.insert(f.fingerprint).second)
        continue;
      if (f.schedule)
        f.schedule->racy_pcs = run::racyPcsForReport(failure.racyPcs, root);
      report.findings.push_back(std::move(f));
    }
  }

  // The replay command needs a JSON report: -o when it is one, else weft-run.json.
  std::string jsonReport = outPath;
  bool outIsJson = !outPath.empty() && (format.empty() || format == "json");
  if (!outIsJson)
    jsonReport = report.findings.empty() ? "" : "weft-run.json";
  run::OutputRequest request{outPath, format};
  if (std::string e = run::emitReport(report, request, jsonReport); !e.empty())
    return args.fail(e);
  if (!outIsJson && !jsonReport.empty()) {
    if (std::string e = run::emitReport(report, {jsonReport, "json"}, jsonReport, false);
        !e.empty())
      return args.fail(e);
    std::fprintf(stderr, "weft run: report written to %s\n", jsonReport.c_str());
  }

  if (outcome.exhausted) {
    // The claim says what it covers: schedules with at most B preemptions, of a sequentially
    // consistent machine (one thread at a time, every access seen by the next), over the choice
    // points the search ended with (docs/strategies.md).
    std::string bound = options.preemptionBound < 0
                            ? std::string("no preemption bound")
                            : "preemption bound " + std::to_string(options.preemptionBound);
    std::string restarts = outcome.restarts == 0
                               ? std::string()
                               : ", restarted " + std::to_string(outcome.restarts) + " time" +
                                     (outcome.restarts == 1 ? "" : "s") +
                                     " as choice points were learned";
    std::printf("explored the whole space (%llu schedules; %s, sequential consistency, %zu racy "
                "access%s as choice points%s)\n",
                static_cast<unsigned long long>(outcome.runs), bound.c_str(), outcome.choicePoints,
                outcome.choicePoints == 1 ? "" : "es", restarts.c_str());
  }
  std::fprintf(stderr, "weft run: %llu run%s in %.2f s (%.0f schedules/s), seed %llu\n",
               static_cast<unsigned long long>(outcome.runs), outcome.runs == 1 ? "" : "s", seconds,
               seconds > 0 ? static_cast<double>(outcome.runs) / seconds : 0.0,
               static_cast<unsigned long long>(options.seed));
  return report.findings.empty() ? kClean : kFindings;
}

} // namespace weft::cli
