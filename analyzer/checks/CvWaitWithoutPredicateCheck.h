// weft-cv-wait-without-predicate: a condition-variable wait with no predicate outside a loop. See
// docs/rules/cv-wait-without-predicate.md.
#pragma once

#include "Check.h"

namespace weft::analyzer {

/// Rule `cv-wait-without-predicate`: a condition-variable wait with no predicate outside a loop.
class CvWaitWithoutPredicateCheck : public Check {
public:
  CvWaitWithoutPredicateCheck() : Check("cv-wait-without-predicate") {}
  void run(const AnalysisResult &result, const Emit &emit) override;
};

} // namespace weft::analyzer
