// Parses the runtime's event stream (weft/protocol.h) into a RunRecord, one line at a time, so the
// driver can keep what a run said even when the run dies in the middle of it.
#pragma once

#include "RunRecord.h"

#include <string>
#include <string_view>

namespace weft::run {

/// Applies one protocol line (without its newline) to `record`. Unknown record kinds are ignored
/// (the runtime may add kinds); lines that cannot be parsed are kept in record.malformed.
void parseEventLine(std::string_view line, RunRecord &record);

/// Feeds raw pipe bytes: complete lines are parsed, a trailing partial line is kept in `pending`.
void feedEventBytes(std::string_view bytes, std::string &pending, RunRecord &record);

/// Parses one `steps` token: `T`, `!V`, optionally followed by `:a.b.c` (the dfs enabled set) and,
/// for a thread token, `@R` (the thread that reached the point).
/// Returns false when the token is malformed.
bool parseStepToken(std::string_view token, StepChoice &out);

} // namespace weft::run
