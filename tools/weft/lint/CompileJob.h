// One entry of a compilation database as plain data, so that only the files that talk to Clang
// include Clang's headers.
#pragma once

#include <string>
#include <vector>

namespace weft::lint {

/// How to compile one source file, as compile_commands.json says.
struct CompileJob {
  std::string file;                   ///< absolute, lexically normalised
  std::string directory;              ///< the working directory of the command
  std::vector<std::string> arguments; ///< argv, the compiler first
};

} // namespace weft::lint
