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

} // namespace weft::lint
