// Loading compile_commands.json. Clang's own loader does the parsing (the "command" strings are
// shell-quoted and only Clang knows its rules exactly); this header keeps Clang's types out.
#pragma once

#include "CompileJob.h"

#include <stdexcept>
#include <string>
#include <vector>

namespace weft::lint {

/// A database that cannot be used; what() is the one line to print after "weft lint: error: ".
struct DatabaseError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// Every entry of `buildDir`/compile_commands.json, in file order, with absolute file paths.
/// Throws DatabaseError when the file is missing, is not JSON, or is not a compilation database.
std::vector<CompileJob> loadCompileDatabase(const std::string &buildDir);

} // namespace weft::lint
