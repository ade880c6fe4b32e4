// weft-detached-thread-captures-local: a detached thread reaches a local of its spawner by
// reference. See docs/rules/detached-thread-captures-local.md.
#pragma once

#include "Check.h"

namespace weft::analyzer {

/// Rule `detached-thread-captures-local`: a detached thread reaches a local of its spawner by
/// reference.
class DetachedThreadCapturesLocalCheck : public Check {
public:
  DetachedThreadCapturesLocalCheck() : Check("detached-thread-captures-local") {}
  void run(const AnalysisResult &result, const Emit &emit) override;
};

} // namespace weft::analyzer
