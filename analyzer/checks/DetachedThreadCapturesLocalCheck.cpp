// Decides detached-thread-captures-local: a detached thread whose creation reached locals of the
// spawner by reference.
#include "DetachedThreadCapturesLocalCheck.h"

namespace weft::analyzer {

void DetachedThreadCapturesLocalCheck::run(const AnalysisResult &result, const Emit &emit) {
  for (const FunctionFacts &f : result.functions)
    for (const DetachFact &d : f.detaches) {
      const ThreadSite &site = result.sites[d.site];
      for (const auto &[name, capturedAt] : site.localsByRef)
        report(emit, name,
               "detached thread uses local '" + name +
                   "' by reference; it may outlive the variable",
               d.at,
               {{"'" + name + "' captured or passed by reference here", capturedAt, {}},
                {"thread created here", site.loc, {}}});
    }
}

} // namespace weft::analyzer
