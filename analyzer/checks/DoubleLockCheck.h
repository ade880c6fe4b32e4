// weft-double-lock: a non-recursive mutex locked again while held (also through a callee). See
// docs/rules/double-lock.md.
#pragma once

#include "Check.h"

namespace weft::analyzer {

/// Rule `double-lock`: a non-recursive mutex locked again while held (also through a callee).
class DoubleLockCheck : public Check {
public:
  DoubleLockCheck() : Check("double-lock") {}
  void run(const AnalysisResult &result, const Emit &emit) override;
};

} // namespace weft::analyzer
