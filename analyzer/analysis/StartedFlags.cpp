// Checks started flags on the expanded program (see StartedFlags.h).
#include "StartedFlags.h"

#include <algorithm>

namespace weft::analyzer {

namespace {

/// Is context `c` the context `of` or one started (transitively) by it?
bool within(const AnalysisResult &r, int c, int of) {
  for (; c >= 0; c = r.contexts[c].parent)
    if (c == of)
      return true;
  return false;
}

} // namespace

std::set<std::string> brokenStartedFlags(const ProgramFacts &program,
                                         const AnalysisResult &result) {
  std::set<std::string> broken;
  for (const ThreadSite &s : program.sites) {
    if (s.startedFlag.empty() || s.unjoinedClears.empty() || broken.count(s.startedFlag))
      continue;
    for (const Access &clear : result.accesses) {
      if (!clear.write || std::find(s.unjoinedClears.begin(), s.unjoinedClears.end(), clear.loc) ==
                              s.unjoinedClears.end())
        continue;
      for (const ThreadContext &c : result.contexts) {
        if (c.site != s.id)
          continue;
        Access thread; // any point of the flag's thread
        thread.context = c.id;
        // The thread clearing its own flag is still running as it does so.
        if (within(result, clear.context, c.id) || result.mayParallel(clear, thread))
          broken.insert(s.startedFlag);
      }
    }
  }
  return broken;
}

} // namespace weft::analyzer
