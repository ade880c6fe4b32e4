// `weft replay`: force the schedule of one finding of a report and report what happens: the same
// finding again (exit 1), or a clear error when the program no longer follows the schedule (exit
// 2).
#include "Commands.h"

#include "Args.h"
#include "Explorer.h"
#include "Process.h"
#include "ReportBuilder.h"
#include "RunSupport.h"

#include "weft/report/Fingerprint.h"
#include "weft/report/Json.h"
#include "weft/report/TextWriter.h"

#include <cstdio>
#include <cstdlib>
#include <set>
#include <unistd.h>

namespace weft::cli {
namespace {

constexpr const char *kUsage =
    R"(usage: weft replay REPORT.json [options] [-- PROGRAM [ARGS...]]

Runs the program once under the exact schedule of a finding in a report written by `weft run`,
so the same interleaving, and the same bug, comes back. Without `-- PROGRAM`, the program and
arguments recorded in the report are used.

options:
  --finding N        which finding of the report (default 0)
  --timeout SEC      seconds before the run counts as hung and is killed (default 10; 0: never)
  --hide-output      do not show the program's stdout and stderr
  --print-env        print the environment and command that replay the finding, and exit: run
                     them yourself, e.g. under gdb
  -o FILE            write the replay's report to FILE (JSON unless --format says otherwise)
  --format text|json|sarif|html
                     the format of -o, or of the terminal output when -o is not given

Exit status: 1 the finding was reproduced, 2 it was not (the replay diverged, or the program
ran to the end without failing) or the report could not be read.
)";

} // namespace

int replayCommand(int argc, char **argv) {
  std::string findingText = "0", timeout = "10", outPath, format;
  bool printEnv = false, hideOutput = false;
  Args args("replay", kUsage);
  args.value({"--finding"}, &findingText);
  args.value({"--timeout"}, &timeout);
  args.value({"-o", "--output"}, &outPath);
  args.value({"--format"}, &format);
  args.flag({"--print-env"}, &printEnv);
  args.flag({"--hide-output"}, &hideOutput);
  if (!args.parse(argc, argv))
    return args.exitCode();
  if (args.positional().empty())
    return args.fail("no report given (usage: weft replay REPORT.json [options] -- PROGRAM)");
  if (args.positional().size() > 1)
    return args.fail("unexpected argument '" + args.positional()[1] +
                     "' (the program goes after '--')");
  const std::string reportPath = args.positional()[0];
  auto index = parseCount(args, "--finding", findingText);
  if (!index)
    return kToolError;
  double timeoutSeconds = 0;
  try {
    std::size_t used = 0;
    timeoutSeconds = std::stod(timeout, &used);
    if (used != timeout.size() || timeoutSeconds < 0)
      throw 0;
  } catch (...) {
    return args.fail("option '--timeout' needs a number of seconds, got '" + timeout + "'");
  }
  if (std::string e = run::checkFormat(format); !e.empty())
    return args.fail(e);

  report::Report recorded;
  try {
    recorded = report::readReportFile(reportPath);
  } catch (const std::exception &e) {
    return args.fail(e.what());
  }
  if (*index >= recorded.findings.size())
    return args.fail("'" + reportPath + "' has " + std::to_string(recorded.findings.size()) +
                     " finding" + (recorded.findings.size() == 1 ? "" : "s") +
                     "; there is no finding " + std::to_string(*index));
  const report::Finding &original = recorded.findings[*index];
  if (!original.schedule)
    return args.fail("finding " + std::to_string(*index) + " of '" + reportPath +
                     "' has no schedule (only findings of 'weft run' can be replayed)");
  const report::Schedule &schedule = *original.schedule;

  std::vector<std::string> program;
  if (args.rest() && !args.rest()->empty())
    program = *args.rest();
  else if (recorded.command == "run" || recorded.command == "replay")
    program = recorded.inputs;
  if (program.empty())
    return args.fail("no program to run (usage: weft replay REPORT.json -- PROGRAM [ARGS...])");

  // The schedule file outlives this process with --print-env: the user runs it later.
  run::TempDir temp;
  std::string dir = temp.path();
  if (printEnv) {
    char pattern[] = "/tmp/weft-replay.XXXXXX";
    const char *made = mkdtemp(pattern);
    dir = made ? made : "";
  }
  if (dir.empty())
    return args.fail("cannot create a temporary directory");
  std::vector<std::string> lines;
  for (std::uint32_t c : schedule.choices)
    lines.push_back(std::to_string(c));
  std::string scheduleFile = dir + "/schedule";
  if (!run::writeLines(scheduleFile, lines))
    return args.fail("cannot write '" + scheduleFile + "'");
  std::string racyFile;
  std::vector<std::string> racy = run::racyPcsFromReport(schedule.racy_pcs, recorded.root);
  if (!racy.empty()) {
    racyFile = dir + "/racy-pcs";
    if (!run::writeLines(racyFile, racy))
      return args.fail("cannot write '" + racyFile + "'");
  }

  std::vector<std::pair<std::string, std::string>> env{
      {"WEFT_STRATEGY", "replay"},
      {"WEFT_SEED", std::to_string(schedule.seed)},
      {"WEFT_SCHEDULE_FILE", scheduleFile},
      {"WEFT_RUN_INDEX", std::to_string(schedule.iteration)},
  };
  if (recorded.exploration) {
    env.emplace_back("WEFT_PCT_DEPTH", std::to_string(recorded.exploration->pct_depth));
    env.emplace_back("WEFT_PREEMPTION_BOUND",
                     std::to_string(recorded.exploration->preemption_bound));
    if (recorded.exploration->max_steps)
      env.emplace_back("WEFT_MAX_STEPS", std::to_string(recorded.exploration->max_steps));
  }
  if (!racyFile.empty())
    env.emplace_back("WEFT_RACY_PCS_FILE", racyFile);

  if (printEnv) {
    std::string assignments, gdb = "gdb";
    for (auto &[k, v] : env) {
      assignments += k + "=" + report::shellQuote(v) + " ";
      gdb += " -ex " + report::shellQuote("set environment " + k + "=" + v);
    }
    std::string command;
    for (const std::string &a : program)
      command += " " + report::shellQuote(a);
    std::printf("# replay finding %llu of %s (%zu scheduling steps); without WEFT_EVENT_FD the "
                "runtime reports to stderr\n",
                static_cast<unsigned long long>(*index), reportPath.c_str(),
                schedule.choices.size());
    for (auto &[k, v] : env)
      std::printf("export %s=%s\n", k.c_str(), report::shellQuote(v).c_str());
    std::printf("%s\n# or under gdb:\n%s --args%s\n", (assignments + command.substr(1)).c_str(),
                gdb.c_str(), command.c_str());
    return kClean;
  }

  run::ChildSet children;
  run::LaunchSpec spec;
  spec.argv = program;
  spec.env = env;
  spec.showOutput = !hideOutput;
  spec.timeoutSeconds = timeoutSeconds;
  spec.cpu = 0;
  children.start(spec, schedule.iteration);
  auto finished = children.wait();
  run::RunResult result = std::move(finished.front()->result());
  result.seed = schedule.seed;
  if (result.end.startFailed)
    return args.fail("cannot run '" + program[0] + "': " + result.end.startError);
  if (result.record.divergedStep)
    return args.fail("replay diverged at step " + std::to_string(*result.record.divergedStep) +
                     ": " +
                     (result.record.divergedText.empty() ? "the program did not follow "
                                                           "the recorded schedule"
                                                         : result.record.divergedText));
  if (!result.record.hello && !run::runFailed(result))
    return args.fail("'" + program[0] +
                     "' did not talk to weft's runtime: is it the instrumented program?");
  if (!run::runFailed(result))
    return args.fail("finding " + std::to_string(*index) + " (" + original.rule +
                     ") did not reproduce: the program " + run::describeEnd(result.end) +
                     " after " + std::to_string(result.record.choices.size()) + " of " +
                     std::to_string(schedule.choices.size()) + " scheduling steps");

  std::string root = run::currentDirectory();
  run::ReportBuilder builder(root, run::resolveProgram(program[0]));
  report::Report report;
  report.tool_version = WEFT_VERSION_STRING;
  report.command = "replay";
  report.root = root;
  report.inputs = program;
  report.started_at = run::utcNow();
  std::set<std::string> seen; // one run can report the same race for several access pairs
  for (report::Finding &f : builder.findings(result, schedule.strategy, timeoutSeconds)) {
    f.fingerprint = report::fingerprint(f);
    if (f.schedule)
      f.schedule->racy_pcs = run::racyPcsForReport(racy, root);
    if (seen.insert(f.fingerprint).second)
      report.findings.push_back(std::move(f));
  }
  // The replayed findings keep the original schedule's identity (strategy, seed, iteration).
  std::string jsonReport = !outPath.empty() && (format.empty() || format == "json") ? outPath : "";
  // Every replayed finding replays from the original report and finding.
  std::vector<report::ReplaySource> sources(report.findings.size(),
                                            report::ReplaySource{reportPath, *index, program});
  if (std::string e = run::emitReport(report, {outPath, format}, jsonReport, true, sources);
      !e.empty())
    return args.fail(e);
  bool same = false;
  for (const report::Finding &f : report.findings)
    same = same || f.rule == original.rule;
  if (!same)
    std::fprintf(stderr,
                 "weft replay: warning: the replay failed with %s, not with the recorded %s\n",
                 report.findings.front().rule.c_str(), original.rule.c_str());
  else
    std::fprintf(stderr, "weft replay: reproduced finding %llu (%s)\n",
                 static_cast<unsigned long long>(*index), original.rule.c_str());
  return kFindings;
}

} // namespace weft::cli
