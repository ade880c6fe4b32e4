// Determinism with -j N: run i is given only what runs 0..i-N learned, and results are considered
// in iteration order, so -j 1 and -j 8 explore the same schedules and stop at the same (lowest)
// failing iteration; a run is started only when that much is known, at the price of a short stall
// behind a slow run. DFS is sequential by nature (the next prefix depends on the last run).
#include "Explorer.h"

#include "DfsTree.h"
#include "Process.h"
#include "Progress.h"
#include "Seeds.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <unistd.h>

namespace weft::run {

TempDir::TempDir() {
  const char *base = std::getenv("TMPDIR");
  std::string pattern = std::string(base && *base ? base : "/tmp") + "/weft-run.XXXXXX";
  if (char *made = mkdtemp(pattern.data()))
    path_ = made;
}

TempDir::~TempDir() {
  if (!path_.empty()) {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
}

bool writeLines(const std::string &path, const std::vector<std::string> &lines) {
  std::ofstream out(path, std::ios::trunc);
  for (const std::string &line : lines)
    out << line << '\n';
  out.flush();
  return static_cast<bool>(out);
}

std::vector<std::pair<std::string, std::string>>
runEnvironment(const ExploreOptions &options, std::uint64_t iteration, std::uint64_t pctSteps,
               const std::string &racyPcsFile, const std::string &scheduleFile) {
  std::vector<std::pair<std::string, std::string>> env{
      {"WEFT_STRATEGY", options.strategy},
      {"WEFT_SEED", std::to_string(runSeed(options.seed, iteration))},
      {"WEFT_PCT_DEPTH", std::to_string(options.pctDepth)},
      {"WEFT_PREEMPTION_BOUND", std::to_string(options.preemptionBound)},
      {"WEFT_RUN_INDEX", std::to_string(iteration)},
  };
  if (pctSteps > 0)
    env.emplace_back("WEFT_PCT_STEPS", std::to_string(pctSteps));
  if (options.maxSteps > 0)
    env.emplace_back("WEFT_MAX_STEPS", std::to_string(options.maxSteps));
  if (!racyPcsFile.empty())
    env.emplace_back("WEFT_RACY_PCS_FILE", racyPcsFile);
  if (!scheduleFile.empty())
    env.emplace_back("WEFT_SCHEDULE_FILE", scheduleFile);
  return env;
}

namespace {

/// What the considered prefix of runs has learned, with history so run i can be given exactly
/// what runs before i - jobs + 1 knew.
class Knowledge {
public:
  void add(const RunResult &run, const ReportBuilder &builder) {
    for (std::uint64_t pc : run.record.racyPcs) {
      std::string key = builder.modulePc(run.record, pc);
      if (!key.empty() && racySet_.insert(key).second)
        racyOrder_.push_back(key);
    }
    maxSteps_ = std::max<std::uint64_t>(maxSteps_, run.record.choices.size());
    racyCountAfter_.push_back(racyOrder_.size());
    maxStepsAfter_.push_back(maxSteps_);
  }
  /// Number of racy pcs / step estimate known once runs [0, runs) were considered.
  std::size_t racyCount(std::uint64_t runs) const {
    return runs == 0 ? 0 : racyCountAfter_[runs - 1];
  }
  std::uint64_t steps(std::uint64_t runs) const { return runs == 0 ? 0 : maxStepsAfter_[runs - 1]; }
  std::uint64_t maxSteps() const { return maxSteps_; }
  /// The first `count` racy pcs, sorted (the file's content is then a function of the count).
  std::vector<std::string> racyPcs(std::size_t count) const {
    std::vector<std::string> pcs(racyOrder_.begin(), racyOrder_.begin() + count);
    std::sort(pcs.begin(), pcs.end());
    return pcs;
  }

private:
  std::set<std::string> racySet_;
  std::vector<std::string> racyOrder_;
  std::vector<std::size_t> racyCountAfter_;
  std::vector<std::uint64_t> maxStepsAfter_;
  std::uint64_t maxSteps_ = 0;
};

struct Explorer {
  const ExploreOptions &options;
  const ReportBuilder &builder;
  ExploreOutcome outcome;
  Knowledge knowledge;
  TempDir temp;
  std::map<std::size_t, std::string> racyFiles; // racy count -> file
  std::set<std::string> failureKeys;
  Progress progress;

  Explorer(const ExploreOptions &o, const ReportBuilder &b)
      : options(o), builder(b), progress(o.progress, o.iterations) {}

  std::string racyFile(std::size_t count) {
    if (count == 0)
      return {};
    auto it = racyFiles.find(count);
    if (it != racyFiles.end())
      return it->second;
    std::string path = temp.path() + "/racy-" + std::to_string(count);
    writeLines(path, knowledge.racyPcs(count));
    return racyFiles[count] = path;
  }

  /// Considers the next run in order. Returns false when the exploration must stop.
  bool consider(RunResult run, std::vector<std::string> racyPcs) {
    if (run.end.startFailed) {
      outcome.toolError = "cannot run '" + options.program[0] + "': " + run.end.startError;
      return false;
    }
    if (outcome.runs == 0 && !run.record.hello && !runFailed(run)) {
      outcome.toolError = "'" + options.program[0] +
                          "' did not talk to weft's runtime: build it with weft-c++ / weft-cc or "
                          "weft_instrument() (see docs/instrumentation.md)";
      return false;
    }
    knowledge.add(run, builder);
    ++outcome.runs;
    bool failed = runFailed(run);
    if (failed) {
      std::string key = builder.failureKey(run);
      if (failureKeys.insert(key).second)
        outcome.failures.push_back({std::move(run), std::move(racyPcs)});
    }
    progress.update(outcome.runs, outcome.failures.size());
    return !failed || options.keepGoing;
  }

  void runParallel() {
    ChildSet children;
    int jobs = std::max(1, options.jobs);
    std::uint64_t next = 0, considered = 0, stopAt = options.iterations;
    std::map<std::uint64_t, std::pair<RunResult, std::vector<std::string>>> done;
    std::map<std::uint64_t, std::vector<std::string>> racyOf; // racy pcs given to running runs
    std::vector<bool> slotBusy(static_cast<std::size_t>(jobs), false);
    std::map<std::uint64_t, int> slotOf;
    while (considered < stopAt) {
      while (next < stopAt && next < considered + static_cast<std::uint64_t>(jobs) &&
             children.running() < static_cast<std::size_t>(jobs)) {
        // Run `next` gets what runs [0, next - jobs + 1) learned: fixed whatever the timing.
        std::uint64_t known = next + 1 >= static_cast<std::uint64_t>(jobs) ? next + 1 - jobs : 0;
        std::size_t racyCount = knowledge.racyCount(known);
        LaunchSpec spec;
        spec.argv = options.program;
        spec.env = runEnvironment(options, next, knowledge.steps(known), racyFile(racyCount), "");
        spec.showOutput = options.showOutput;
        spec.timeoutSeconds = options.timeoutSeconds;
        int slot =
            static_cast<int>(std::find(slotBusy.begin(), slotBusy.end(), false) - slotBusy.begin());
        slotBusy[static_cast<std::size_t>(slot)] = true;
        slotOf[next] = slot;
        spec.cpu = slot;
        Child *child = children.start(spec, next);
        child->result().seed = runSeed(options.seed, next);
        racyOf[next] = knowledge.racyPcs(racyCount);
        ++next;
      }
      for (auto &child : children.wait()) {
        std::uint64_t tag = child->tag;
        slotBusy[static_cast<std::size_t>(slotOf[tag])] = false;
        slotOf.erase(tag);
        done.emplace(tag, std::make_pair(std::move(child->result()), std::move(racyOf[tag])));
        racyOf.erase(tag);
      }
      while (!done.empty() && done.begin()->first == considered) {
        auto node = done.extract(done.begin());
        ++considered;
        if (!consider(std::move(node.mapped().first), std::move(node.mapped().second))) {
          stopAt = considered;
          children.cancelAbove(considered - 1);
          break;
        }
      }
    }
  }

  void runDfs() {
    // The tree is only valid for a fixed set of racy pcs (they decide which accesses are choice
    // points). The set starts empty; when a run finds new racy pcs, the search starts over with the
    // larger set. The set only grows and is bounded by the program's racy accesses, so this
    // converges, and the final tree explores every schedule of the final set within the bound.
    // "Exhausted" is claimed only for a tree none of whose runs grew the set (a run that learns a
    // pc restarts the search, so the last tree's runs learned nothing), none of whose runs left
    // its forced prefix (then the tree does not describe the program, and the claim would be a
    // guess) and none of whose runs was stopped by --timeout (what it would have done after the
    // kill is not in the tree).
    auto tree = std::make_unique<DfsTree>(options.preemptionBound);
    ChildSet children;
    bool warned = false, treeDiverged = false, treeCut = false;
    std::size_t racyCount = 0;
    auto finish = [&] {
      outcome.exhausted = !treeDiverged && !treeCut;
      outcome.choicePoints = racyCount;
      if (treeDiverged)
        outcome.warnings.push_back("the dfs tree was closed, but a run of it did not follow its "
                                   "prefix: the whole space is not known to be explored");
      if (treeCut)
        outcome.warnings.push_back("the dfs tree was closed, but a run of it was stopped by "
                                   "--timeout: what follows that point is not explored");
    };
    for (std::uint64_t i = 0; i < options.iterations; ++i) {
      auto prefix = tree->nextPrefix();
      if (!prefix)
        return finish();
      std::vector<std::string> lines;
      for (std::uint32_t c : *prefix)
        lines.push_back(std::to_string(c));
      std::string file = temp.path() + "/prefix";
      writeLines(file, lines);
      LaunchSpec spec;
      spec.argv = options.program;
      spec.env = runEnvironment(options, i, 0, racyFile(racyCount), file);
      spec.showOutput = options.showOutput;
      spec.timeoutSeconds = options.timeoutSeconds;
      spec.cpu = 0;
      Child *child = children.start(spec, i);
      child->result().seed = runSeed(options.seed, i);
      auto finished = children.wait();
      RunResult run = std::move(finished.front()->result());
      if (!tree->record(run.record.choices, run.record.enabled, run.record.running)) {
        treeDiverged = true;
        if (!warned) {
          warned = true;
          outcome.warnings.push_back(
              "run " + std::to_string(i) +
              " did not follow its forced prefix: the program is not deterministic under a fixed "
              "schedule (clock, input, uninstrumented threads?); the search may repeat schedules");
        }
      }
      treeCut |= run.end.timedOut;
      if (!consider(std::move(run), knowledge.racyPcs(racyCount)))
        return;
      if (knowledge.racyCount(outcome.runs) != racyCount) {
        racyCount = knowledge.racyCount(outcome.runs);
        tree = std::make_unique<DfsTree>(options.preemptionBound);
        treeDiverged = treeCut = false;
        ++outcome.restarts;
      }
    }
    // The last run may have closed the tree: say so without another run.
    if (!tree->nextPrefix())
      finish();
  }
};

} // namespace

ExploreOutcome explore(const ExploreOptions &options, const ReportBuilder &builder) {
  Explorer e(options, builder);
  if (e.temp.path().empty()) {
    e.outcome.toolError = "cannot create a temporary directory";
    return e.outcome;
  }
  if (options.strategy == "dfs")
    e.runDfs();
  else
    e.runParallel();
  e.progress.finish();
  e.outcome.maxSteps = e.knowledge.maxSteps();
  return std::move(e.outcome);
}

} // namespace weft::run
