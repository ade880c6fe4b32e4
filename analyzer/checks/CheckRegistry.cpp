// Every check of weft lint, alphabetically by rule id. Adding a rule: its .h/.cpp, one line
// here, docs/rules/<rule>.md and a test.
#include "CheckRegistry.h"

#include "CvWaitWithoutPredicateCheck.h"
#include "DataRaceCheck.h"
#include "DetachedThreadCapturesLocalCheck.h"
#include "DoubleLockCheck.h"
#include "JoinableThreadDestroyedCheck.h"
#include "LockLeakCheck.h"
#include "LockOrderInversionCheck.h"
#include "UnlockNotHeldCheck.h"

namespace weft::analyzer {

std::vector<std::unique_ptr<Check>> makeChecks() {
  std::vector<std::unique_ptr<Check>> checks;
  checks.push_back(std::make_unique<CvWaitWithoutPredicateCheck>());
  checks.push_back(std::make_unique<DataRaceCheck>());
  checks.push_back(std::make_unique<DetachedThreadCapturesLocalCheck>());
  checks.push_back(std::make_unique<DoubleLockCheck>());
  checks.push_back(std::make_unique<JoinableThreadDestroyedCheck>());
  checks.push_back(std::make_unique<LockLeakCheck>());
  checks.push_back(std::make_unique<LockOrderInversionCheck>());
  checks.push_back(std::make_unique<UnlockNotHeldCheck>());
  return checks;
}

} // namespace weft::analyzer
