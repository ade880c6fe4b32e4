// The release side of condition hand-offs (ExtractWaits.cpp acquires): every write, anywhere in
// the program, to an object some condition wait reads (`shared->num_done++` under the mutex,
// pigz's `bolt->value = val` in twist()) publishes what the writing thread did before it. Added
// as a SyncRelease event right after the write, so the release pass and the callers' summaries
// see it as any other release. No Clang here.
#pragma once

#include "Body.h"

namespace weft::analyzer {

/// Run after linking, before summarizeProgram.
void addConditionReleases(ProgramFacts &program);

} // namespace weft::analyzer
