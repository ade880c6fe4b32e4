// `weft report REPORT.json... [--format text|json|sarif|html] [-o FILE]`: reads reports, merges
// them (dropping duplicate fingerprints) and writes one view. Nothing is written unless every input
// reads.
#include "Commands.h"
#include "common/Args.h"

#include "weft/report/Fingerprint.h"
#include "weft/report/Json.h"
#include "weft/report/Merge.h"
#include "weft/report/Output.h"

#include <cstdio>
#include <exception>
#include <unistd.h>

namespace weft::cli {

namespace {

constexpr const char *kUsage =
    "usage: weft report REPORT.json... [--format text|json|sarif|html] [-o FILE]\n"
    "\n"
    "Reads one or more weft reports, merges them (findings with the same fingerprint are kept\n"
    "once, the first wins) and writes the result.\n"
    "\n"
    "options:\n"
    "  --format F     text (default), json, sarif (SARIF 2.1.0) or html\n"
    "  -o, --output FILE\n"
    "                 write to FILE (atomically) instead of standard output\n"
    "  --color        colour the text format (default: when standard output is a terminal)\n"
    "  --no-color     never colour\n"
    "\n"
    "exit status: 0 no findings, 1 findings, 2 error (bad arguments, unreadable input)\n";

} // namespace

int reportCommand(int argc, char **argv) {
  Args args("report", kUsage);
  std::string formatName = "text", output;
  bool color = false, noColor = false;
  args.value({"--format", "-f"}, &formatName);
  args.value({"-o", "--output"}, &output);
  args.flag({"--color"}, &color);
  args.flag({"--no-color"}, &noColor);
  if (!args.parse(argc, argv))
    return args.exitCode();
  if (args.rest())
    return args.fail("unexpected '--' (see 'weft report --help')");
  if (args.positional().empty())
    return args.fail("no report given (see 'weft report --help')");
  auto format = report::parseFormat(formatName);
  if (!format)
    return args.fail("unknown format '" + formatName + "' (use text, json, sarif or html)");

  std::vector<report::Report> inputs;
  try {
    for (const std::string &path : args.positional())
      inputs.push_back(report::readReportFile(path));
  } catch (const report::FormatError &e) {
    return args.fail(e.what());
  }
  std::vector<std::pair<size_t, size_t>> origins;
  report::Report merged = inputs.size() == 1 ? inputs.front() : report::merge(inputs, &origins);
  report::assignFingerprints(merged);

  report::TextOptions options;
  options.reportPath = args.positional().front();
  // After a merge, a finding's replay command points at the file its schedule came from.
  for (auto [input, finding] : origins) {
    const report::Report &from = inputs[input];
    report::ReplaySource source{args.positional()[input], finding, {}};
    if (from.command == "run" || from.command == "replay")
      source.program = from.inputs;
    options.replaySources.push_back(std::move(source));
  }
  options.color = !noColor && (color || (output.empty() && ::isatty(STDOUT_FILENO)));
  std::string text = report::render(merged, *format, options);
  if (output.empty()) {
    std::fwrite(text.data(), 1, text.size(), stdout);
    if (std::fflush(stdout) != 0)
      return args.fail("cannot write to standard output");
  } else {
    try {
      report::writeFileAtomically(output, text);
    } catch (const std::exception &e) {
      return args.fail(e.what());
    }
  }
  return merged.findings.empty() ? kClean : kFindings;
}

} // namespace weft::cli
