#include "Commands.h"
#include <cstdio>
int weft::cli::lintCommand(int, char **) { std::fprintf(stderr, "weft lint: not implemented yet\n"); return kToolError; }
