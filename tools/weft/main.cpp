// `weft`: dispatches to the subcommand named by the first argument.
#include "Commands.h"

#include <cstdio>
#include <cstring>

namespace {

struct Subcommand {
  const char *name;
  int (*run)(int, char **);
  const char *summary;
};

constexpr Subcommand kSubcommands[] = {
    {"lint", weft::cli::lintCommand, "find races and lock bugs statically (compile_commands.json)"},
    {"run", weft::cli::runCommand, "explore interleavings of an instrumented program"},
    {"replay", weft::cli::replayCommand, "force the schedule of a runtime finding again"},
    {"report", weft::cli::reportCommand, "convert and merge reports (text, json, sarif, html)"},
};

void printUsage(std::FILE *out) {
  std::fprintf(out, "usage: weft <command> [options]\n\ncommands:\n");
  for (const Subcommand &c : kSubcommands)
    std::fprintf(out, "  %-8s %s\n", c.name, c.summary);
  std::fprintf(out, "\n'weft <command> --help' describes a command. Exit status: 0 nothing found, "
                    "1 findings, 2 weft could not do its job.\n");
}

} // namespace

int main(int argc, char **argv) {
  if (argc < 2) {
    printUsage(stderr);
    return weft::cli::kToolError;
  }
  if (!std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h") ||
      !std::strcmp(argv[1], "help")) {
    printUsage(stdout);
    return weft::cli::kClean;
  }
  if (!std::strcmp(argv[1], "--version")) {
    std::printf("weft " WEFT_VERSION "\n");
    return weft::cli::kClean;
  }
  for (const Subcommand &c : kSubcommands)
    if (!std::strcmp(argv[1], c.name))
      return c.run(argc - 1, argv + 1);
  std::fprintf(stderr, "weft: error: unknown command '%s' (see 'weft --help')\n", argv[1]);
  return weft::cli::kToolError;
}
