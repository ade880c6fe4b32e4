// `weft-lint-dev`: the lint command alone, for developing the lint driver while other
// subcommands of `weft` are being changed. Takes the same arguments as `weft` (`weft-lint-dev
// lint -p build`). The tests run the real `weft` executable.
#include "Commands.h"

#include <cstring>

int main(int argc, char **argv) {
  if (argc > 1 && !std::strcmp(argv[1], "lint"))
    return weft::cli::lintCommand(argc - 1, argv + 1);
  return weft::cli::lintCommand(argc, argv);
}
