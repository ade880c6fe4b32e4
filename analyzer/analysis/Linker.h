// Joins the facts of several translation units into whole programs, as a linker would: function
// and thread-site indices are renumbered, calls and thread entries that one file only declares are
// bound by linkage name to the file that defines them, and the roots (main, or the thread-starting
// functions nobody calls) are chosen for the joined program. No Clang here.
#pragma once

#include "Body.h"

#include <map>
#include <string>
#include <vector>

namespace weft::analyzer {

/// Per linkage name of a virtual method, the functions of `program` overriding it (at any depth).
std::map<std::string, std::vector<int>> overridersOf(const ProgramFacts &program);

/// One program made of `units`, in this order (the first definition of a linkage name wins).
ProgramFacts linkFacts(const std::vector<const ProgramFacts *> &units);

/// The programs `units` make up, each as the list of its units (linkFacts joins one). A
/// compilation database often builds several executables (a tool and its tests), which must not
/// be joined into one: with two or more `main`s, every unit with a `main` is a program together
/// with the units without one that it reaches (through calls and thread entries, transitively),
/// and the units no `main` reaches form one more program (a library's own thread-starting code).
/// With at most one `main` it is one program of all units. Units keep their relative order.
std::vector<std::vector<const ProgramFacts *>>
partitionPrograms(const std::vector<const ProgramFacts *> &units);

} // namespace weft::analyzer
