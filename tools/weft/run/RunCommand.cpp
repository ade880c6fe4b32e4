#include "Commands.h"
#include <cstdio>
int weft::cli::runCommand(int, char **) { std::fprintf(stderr, "weft run: not implemented yet\n"); return kToolError; }
int weft::cli::replayCommand(int, char **) { std::fprintf(stderr, "weft replay: not implemented yet\n"); return kToolError; }
