// weft-joinable-thread-destroyed: a std::thread destroyed while still joinable. See
// docs/rules/joinable-thread-destroyed.md.
#pragma once

#include "Check.h"

namespace weft::analyzer {

/// Rule `joinable-thread-destroyed`: a std::thread destroyed while still joinable.
class JoinableThreadDestroyedCheck : public Check {
public:
  JoinableThreadDestroyedCheck() : Check("joinable-thread-destroyed") {}
  void run(const AnalysisResult &result, const Emit &emit) override;
};

} // namespace weft::analyzer
