// weft-unlock-not-held: an unlock of a mutex that is not held. See docs/rules/unlock-not-held.md.
#pragma once

#include "Check.h"

namespace weft::analyzer {

/// Rule `unlock-not-held`: an unlock of a mutex that is not held.
class UnlockNotHeldCheck : public Check {
public:
  UnlockNotHeldCheck() : Check("unlock-not-held") {}
  void run(const AnalysisResult &result, const Emit &emit) override;
};

} // namespace weft::analyzer
