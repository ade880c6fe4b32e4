// Sample reports shared by the report tests and the schema-validation emitter: one shaped like
// `weft lint` output, one like `weft run` output (schedule with value choices, threads, stacks).
#pragma once

#include "weft/report/Report.h"

namespace weft::report::testing {

/// Two static findings (a data race with a related access, a lock-order inversion).
Report lintSample();

/// A runtime data race and a deadlock, with schedules, threads, stacks and an exploration.
Report runSample();

/// Every optional field absent or empty: the smallest valid report with one finding.
Report minimalSample();

} // namespace weft::report::testing
