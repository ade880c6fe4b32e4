// Rewrites a compile command written for gcc into one Clang 19 parses quietly: gcc-only options
// print "error: unknown argument" (or an unsupported value) and would drown the lint output.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace weft::lint {

/// True for an option gcc accepts and clang 19 rejects (measured with clang-19 -fsyntax-only).
bool isGccOnlyFlag(std::string_view argument);

/// `arguments` (argv, compiler first) without the gcc-only options.
std::vector<std::string> stripGccOnlyFlags(const std::vector<std::string> &arguments);

/// Is this compiler (argv[0]) gcc: `gcc`, `g++`, `x86_64-linux-gnu-gcc-12`, Debian's `cc`/`c++`?
bool isGccCompiler(std::string_view compiler);

/// What gcc accepts with a warning and Clang 19 rejects by default (C's int-conversion,
/// incompatible function pointer types, implicit declarations and int): downgraded for a gcc
/// database, so such files are analysed as the project's compiler builds them.
std::vector<std::string> gccLeniencyFlags();

} // namespace weft::lint
