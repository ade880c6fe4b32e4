// weft-data-race: two threads access the same object, one writes, no common lock. See
// docs/rules/data-race.md.
#pragma once

#include "Check.h"

namespace weft::analyzer {

/// Rule `data-race`: two threads access the same object, one writes, no common lock.
class DataRaceCheck : public Check {
public:
  DataRaceCheck() : Check("data-race") {}
  void run(const AnalysisResult &result, const Emit &emit) override;
};

} // namespace weft::analyzer
