// The event stream to the driver (protocol.h): whole lines with one write(2) each, plus the buffered
// `steps` line of scheduling choices.
#pragma once
#include "internal/format.h"
#include <cstdint>

namespace weft {

/// Writes a line to the event fd; `finding` lines are also copied to stderr when there is no driver.
void emit(Line &l, bool finding_part = false);
/// Appends a token to the pending `steps` line (flushed when full, at switches and before findings).
void steps_token(const char *tok, uint32_t len);
void steps_flush();
/// Ends the run after a finding: flush and exit with WEFT_EXIT_FINDING.
[[noreturn]] void finish_with_finding();

} // namespace weft
