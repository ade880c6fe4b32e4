// weft-lock-leak: a manual lock not released on some path to the function's end. See
// docs/rules/lock-leak.md.
#pragma once

#include "Check.h"

namespace weft::analyzer {

/// Rule `lock-leak`: a manual lock not released on some path to the function's end.
class LockLeakCheck : public Check {
public:
  LockLeakCheck() : Check("lock-leak") {}
  void run(const AnalysisResult &result, const Emit &emit) override;
};

} // namespace weft::analyzer
