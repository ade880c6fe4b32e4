// The list of weft lint's rules (CheckRegistry.cpp keeps it alphabetical).
#pragma once

#include "Check.h"

#include <memory>
#include <vector>

namespace weft::analyzer {

/// One instance of every check, in rule-id order.
std::vector<std::unique_ptr<Check>> makeChecks();

} // namespace weft::analyzer
