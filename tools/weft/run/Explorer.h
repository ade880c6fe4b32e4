// The exploration loop of `weft run`: starts runs (up to -j at a time), hands each its strategy,
// seed and what earlier runs learned (racy pcs, PCT's step count), keeps the DFS tree, and stops at
// the first failing run or, with --keep-going, collects every distinct failure.
#pragma once

#include "ReportBuilder.h"
#include "RunRecord.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace weft::run {

/// What `weft run` was asked to do.
struct ExploreOptions {
  std::string strategy = "pct"; ///< random | pct | dfs
  std::uint64_t iterations = 1000;
  std::uint64_t seed = 0;
  int pctDepth = 3;
  int preemptionBound = 2;    ///< -1: unbounded
  std::uint64_t maxSteps = 0; ///< 0: the runtime's default
  double timeoutSeconds = 10;
  int jobs = 1;
  bool keepGoing = false;
  bool showOutput = false;
  bool progress = false;            ///< draw progress on stderr
  std::vector<std::string> program; ///< program and arguments
};

/// A failing run and what it needs to be replayed.
struct Failure {
  RunResult run;
  /// The racy pcs the run was given ("module+0xoff", module as the runtime named it): plain
  /// accesses there were choice points, so a replay must give the same set.
  std::vector<std::string> racyPcs;
};

/// What an exploration found.
struct ExploreOutcome {
  std::vector<Failure> failures; ///< in iteration order; distinct (by failure key) with keep-going
  std::uint64_t runs = 0;        ///< runs completed and considered
  /// dfs explored every schedule within the bound, over a set of choice points that no run of that
  /// final search added to, and every run of it followed its forced prefix and ran to its end
  bool exhausted = false;
  std::size_t choicePoints = 0; ///< dfs: racy pcs (plain-access choice points) of the last tree
  std::uint64_t restarts = 0;   ///< dfs: searches started over because choice points were learned
  std::uint64_t maxSteps = 0;   ///< the longest run's step count
  std::string toolError;        ///< non-empty: the exploration could not be done (exit 2)
  std::vector<std::string> warnings;
};

/// Runs the exploration. `builder` computes failure keys and module-relative pcs.
ExploreOutcome explore(const ExploreOptions &options, const ReportBuilder &builder);

/// The environment of one run (without WEFT_EVENT_FD, which the process runner adds).
std::vector<std::pair<std::string, std::string>>
runEnvironment(const ExploreOptions &options, std::uint64_t iteration, std::uint64_t pctSteps,
               const std::string &racyPcsFile, const std::string &scheduleFile);

/// Writes `lines` to `path`, one per line. Returns false on error.
bool writeLines(const std::string &path, const std::vector<std::string> &lines);

/// A private temporary directory, removed with everything in it when the object dies.
class TempDir {
public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir &) = delete;
  TempDir &operator=(const TempDir &) = delete;
  const std::string &path() const { return path_; }

private:
  std::string path_;
};

} // namespace weft::run
