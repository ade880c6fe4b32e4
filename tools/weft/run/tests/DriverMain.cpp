// `weft` with only its run and replay subcommands, for the run.* tests: they then depend on this
// folder alone, not on every subcommand of the tree linking at that moment.
#include "Commands.h"

#include <cstdio>
#include <cstring>

int main(int argc, char **argv) {
  if (argc >= 2 && !std::strcmp(argv[1], "run"))
    return weft::cli::runCommand(argc - 1, argv + 1);
  if (argc >= 2 && !std::strcmp(argv[1], "replay"))
    return weft::cli::replayCommand(argc - 1, argv + 1);
  std::fprintf(stderr, "usage: weft-run-driver run|replay ...\n");
  return 2;
}
