// Every check that can fail before any file is parsed happens here, so bad arguments cost no
// parse time and give exactly one line.
#include "LintOptions.h"

#include "ParallelRunner.h"

#include "common/Args.h"

namespace weft::lint {

namespace {

constexpr const char *kUsage =
    R"(usage: weft lint -p BUILD_DIR [FILE...] [options]

Finds data races and lock bugs statically in the files of BUILD_DIR/compile_commands.json
(all of them, or the FILEs named).

options:
  -p BUILD_DIR             directory holding compile_commands.json (required)
  -j N                     files analysed in parallel (default: every core)
  --format FORMAT          text (default), json, sarif or html
  -o, --output FILE        write the report to FILE instead of stdout
  --baseline FILE          accept the findings whose fingerprints FILE holds; fail only on new ones
  --write-baseline FILE    write the current findings' fingerprints to FILE and exit 0
  --allow-parse-errors     a file that does not parse is reported but does not fail the run
  --root DIR               report paths relative to DIR (default: the current directory)
  -h, --help               this help

Suppress one finding with // NOLINT(weft-<rule>) on its line or // NOLINTNEXTLINE(weft-<rule>)
on the line above (see docs/lint.md).

exit status: 0 no findings, 1 findings, 2 weft could not do its job (bad arguments, missing or
invalid compile_commands.json or baseline, a file that does not parse).
)";

} // namespace

std::optional<LintOptions> parseLintOptions(int argc, char **argv, int &exitCode) {
  cli::Args args("lint", kUsage);
  LintOptions options;
  std::string jobs, format, root;
  args.value({"-p", "--build-dir"}, &options.buildDir);
  args.value({"-j", "--jobs"}, &jobs);
  args.value({"--format"}, &format);
  args.value({"-o", "--output"}, &options.output);
  args.value({"--baseline"}, &options.baseline);
  args.value({"--write-baseline"}, &options.writeBaseline);
  args.flag({"--allow-parse-errors"}, &options.allowParseErrors);
  args.value({"--root"}, &root);
  if (!args.parse(argc, argv)) {
    exitCode = args.exitCode();
    return std::nullopt;
  }
  exitCode = 2;
  if (args.rest()) {
    args.fail("unexpected '--' (weft lint takes no program to run)");
    return std::nullopt;
  }
  options.files = args.positional();
  if (options.buildDir.empty()) {
    args.fail("missing -p BUILD_DIR (the directory holding compile_commands.json)");
    return std::nullopt;
  }
  options.jobs = defaultParallelism();
  if (!jobs.empty()) {
    std::optional<unsigned long long> n = cli::parseCount(args, "-j", jobs);
    if (!n)
      return std::nullopt;
    if (*n == 0 || *n > 1024) {
      args.fail("option '-j' needs a number from 1 to 1024, got '" + jobs + "'");
      return std::nullopt;
    }
    options.jobs = static_cast<unsigned>(*n);
  }
  if (!format.empty()) {
    std::optional<report::Format> f = report::parseFormat(format);
    if (!f) {
      args.fail("unknown format '" + format + "' (use text, json, sarif or html)");
      return std::nullopt;
    }
    options.format = *f;
  }
  std::error_code ec;
  // Output paths are checked now rather than after minutes of parsing.
  for (const std::string *path : {&options.output, &options.writeBaseline}) {
    std::filesystem::path dir = std::filesystem::path(*path).parent_path();
    if (!path->empty() && !dir.empty() && !std::filesystem::is_directory(dir, ec)) {
      args.fail("cannot write '" + *path + "': no directory '" + dir.string() + "'");
      return std::nullopt;
    }
  }
  options.root = std::filesystem::absolute(root.empty() ? "." : root, ec).lexically_normal();
  if (ec || !std::filesystem::is_directory(options.root, ec)) {
    args.fail("--root '" + root + "' is not a directory");
    return std::nullopt;
  }
  if (!options.root.has_filename() && options.root != options.root.root_path())
    options.root = options.root.parent_path();
  exitCode = 0;
  return options;
}

} // namespace weft::lint
