// weft-lock-order-inversion: two threads take the same locks in opposite orders. See
// docs/rules/lock-order-inversion.md.
#pragma once

#include "Check.h"

namespace weft::analyzer {

/// Rule `lock-order-inversion`: two threads take the same locks in opposite orders.
class LockOrderInversionCheck : public Check {
public:
  LockOrderInversionCheck() : Check("lock-order-inversion") {}
  void run(const AnalysisResult &result, const Emit &emit) override;
};

} // namespace weft::analyzer
