// Turns what a run streamed (addresses, thread ids, rule names) into report findings (functions,
// files, lines, variable names, thread creation sites and the schedule), deterministically: no
// absolute addresses, pids or timings end up in a finding, so the same seed gives the same report.
#pragma once

#include "RunRecord.h"
#include "SourceFiles.h"
#include "Symbolizer.h"
#include "VariableNaming.h"

#include "weft/report/Report.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace weft::run {

/// Whether a run failed: a finding, a crash, a kill, a time-out. A plain non-zero exit status is
/// the program's own business and not a failure.
bool runFailed(const RunResult &run);

class ReportBuilder {
public:
  /// `root`: absolute directory paths are made relative to. `program`: the resolved path of the
  /// program, for a module the runtime could not name (the main executable).
  ReportBuilder(std::string root, std::string program);

  /// The findings of a failed run (usually one), each with its schedule.
  std::vector<report::Finding> findings(const RunResult &run, const std::string &strategy,
                                        double timeoutSeconds);

  /// A key that is equal for two runs that failed the same way (rule and the code addresses
  /// involved), cheap enough to compute for every failing run before symbolising any.
  std::string failureKey(const RunResult &run) const;

  /// `pc` as "module+0xoffset" with the module's path as the runtime gave it (the form of
  /// WEFT_RACY_PCS_FILE); empty when no module holds it.
  std::string modulePc(const RunRecord &record, std::uint64_t pc) const;

  /// `path` relative to the root when it lies below it, else unchanged (normalised).
  std::string relative(const std::string &path) const;

private:
  struct Resolved {
    std::string module; ///< path to read the object from
    std::uint64_t offset = 0;
    bool found = false;
  };
  Resolved resolve(const RunRecord &record, std::uint64_t address) const;
  std::vector<report::StackFrame> stack(const RunRecord &record,
                                        const std::vector<std::uint64_t> &pcs);
  /// A source path of the debug info as a path to read: a relative one (a compilation directory
  /// of `.`: -fdebug-prefix-map=$PWD=.) is taken below the root when it exists there, else below
  /// the program's directory or the nearest of its parents where it exists, else as it is.
  const std::string &sourcePath(const std::string &file);
  /// The innermost frame in the user's code; with `anyFile`, else any frame with a file.
  report::Location userLocation(const std::vector<report::StackFrame> &frames,
                                bool anyFile = true) const;
  /// The `path:line: ` an assertion message starts with, and the message after it; false (and
  /// nothing changed) when it has none.
  bool splitMessageLocation(const std::string &message, report::Location *at, std::string *rest);
  /// The global symbol covering `addr` and the offset into it (no symbol for heap and stack).
  struct GlobalAt {
    std::optional<DataSymbol> symbol;
    std::uint64_t offset = 0;
  };
  GlobalAt globalAt(const RunRecord &record, std::uint64_t addr);
  /// `at` with its path made absolute and its source line read.
  AccessSite siteAt(const report::Location &at);
  /// `read`: the access at `at` read the memory (named after the right-hand side of an `=`).
  std::string dataName(const RunRecord &record, std::uint64_t addr, const report::Location &at,
                       bool read);
  /// The lock at `addr`: its global's name, else the lock named by the call at the user's frame of
  /// `at` (where it was acquired, waited for or released), else empty.
  std::string lockName(const RunRecord &record, std::uint64_t addr,
                       const std::vector<std::uint64_t> &at = {});
  /// The lock expression written at the user's frame of `at` (`to->mu`), or empty.
  std::string lockText(const RunRecord &record, const std::vector<std::uint64_t> &at);
  report::Finding fromRaw(const RunResult &run, const RawFinding &raw);
  report::Finding synthesized(const RunResult &run, double timeoutSeconds);
  void addThreads(const RunResult &run, const RawFinding *raw, std::vector<int> ids,
                  report::Finding &finding);

  std::string root_;
  std::string program_;
  Symbolizer symbolizer_;
  SourceFiles sources_;
  std::map<std::string, std::string> sourcePaths_;
};

} // namespace weft::run
