// SARIF 2.1.0 view of a report, for code-scanning UIs (GitHub, VS Code's SARIF viewer).
// Validated against the official schema in report/tests/schemas/.
#pragma once

#include "weft/report/Report.h"

#include <nlohmann/json.hpp>

namespace weft::report {

/// One SARIF log with one run: the rule catalogue, one result per finding with relative URIs under
/// %SRCROOT%, related locations, code flows for runtime findings and partialFingerprints.
nlohmann::json toSarif(const Report &report);

} // namespace weft::report
