// Small programs for the per-rule check tests: the standard headers every snippet gets, and a
// parse that must succeed. (The snippet's headers come precompiled: TestSupport.)
#pragma once

#include "../TestSupport.h"

#include <string>

namespace weft::analyzer::test {

inline const std::string kPrelude = R"(
#include <condition_variable>
#include <mutex>
#include <shared_mutex>
#include <thread>
#include <atomic>
)";

/// Lints `body` after the prelude; a parse error fails the test.
inline LintRun lint(const std::string &body) { return analyzeValidCode(kPrelude + body); }

} // namespace weft::analyzer::test
