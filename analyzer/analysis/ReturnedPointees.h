// Objects returned by the function that made them, once the program is linked. A pool made by
// `thpool_init()` in one file is the object of its local `thpool_p` there (the workers are
// started with it) and of `main`'s local `thpool` in another (`thpool = thpool_init(4)`): the
// caller's local names the callee's object when every call that gives it a value is to a
// function whose every return gives the object of one and the same local (or null). Such
// aliases are followed by the context expansion (Program.cpp) for accesses and locks alike.
// No Clang here.
#pragma once

#include "Body.h"

namespace weft::analyzer {

/// Fills program.pointeeAliases from the bodies' callFilledPointees and returnedPointee.
void resolveReturnedPointees(ProgramFacts &program);

} // namespace weft::analyzer
