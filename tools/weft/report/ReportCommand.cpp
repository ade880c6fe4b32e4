#include "Commands.h"
#include <cstdio>
int weft::cli::reportCommand(int, char **) { std::fprintf(stderr, "weft report: not implemented yet\n"); return kToolError; }
