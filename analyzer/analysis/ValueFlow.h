// The whole-program value flow: where callables go once every file's flows (Body.h FlowEdge)
// are joined. Two answers come out of it, both written back into the bodies:
//  - a call through a value (InvokeOp) whose flows reach exactly one function calls that one
//    (a function pointer in a global, a struct field, a queue of tasks);
//  - a function whose callable parameter reaches a thread creation, or is stored where code a
//    thread runs calls it (`launch(fn, arg)` around pthread_create; `Schedule(fn, arg)` pushing
//    a work item a background thread pops and calls; a pool's `submit(task)`), spawns that
//    parameter (FunctionBody::spawns). Each call handing it a concrete callable then starts a
//    thread for it, there, with the caller's objects (LocksetPass, Program).
// Flow-insensitive and field-based; calls between analysed functions are not flows (the
// expansion binds their callables), so a callable is followed from where it is handed over.
// No Clang here.
#pragma once

#include "Body.h"

#include <set>
#include <string>

namespace weft::analyzer {

/// Resolves invokes and spawning parameters of a linked program (before summarizeProgram).
void resolveValueFlow(ProgramFacts &program);

/// Started flags (ThreadSite::startedFlag) found not to hold, with the FlagIdle edge facts of
/// every flag that is no longer a started one (none else: pass an empty set to tidy up).
void dropStartedFlags(ProgramFacts &program, const std::set<std::string> &flags);

} // namespace weft::analyzer
