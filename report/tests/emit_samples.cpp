// Writes the sample reports with the real writers (JSON and SARIF) into a directory, so that the
// report.schema.* tests can validate what weft emits against docs/report.schema.json and
// SARIF 2.1.0.
#include "SampleReports.h"

#include "weft/report/Fingerprint.h"
#include "weft/report/Merge.h"
#include "weft/report/Output.h"

#include <cstdio>
#include <exception>
#include <filesystem>

using namespace weft::report;

int main(int argc, char **argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: weft_report_emit_samples OUTDIR\n");
    return 2;
  }
  std::string dir = argv[1];
  Report lint = testing::lintSample(), run = testing::runSample(),
         minimal = testing::minimalSample();
  assignFingerprints(lint);
  assignFingerprints(run);
  Report failed = minimal;
  failed.tool_errors = {"src/broken.cpp: cannot parse: expected ';'", "run 3: timeout"};
  failed.notes = {"the summaries of the recursive calls a -> b were cut"};
  struct Sample {
    const char *name;
    Report report;
  } samples[] = {{"lint", lint},       {"run", run},
                 {"minimal", minimal}, {"merged", merge({lint, run, minimal})},
                 {"empty", merge({})}, {"tool-errors", failed}};
  try {
    std::filesystem::create_directories(dir);
    for (const Sample &s : samples) {
      writeFileAtomically(dir + "/" + s.name + ".json", render(s.report, Format::Json));
      writeFileAtomically(dir + "/" + s.name + ".sarif", render(s.report, Format::Sarif));
    }
  } catch (const std::exception &e) {
    std::fprintf(stderr, "weft_report_emit_samples: %s\n", e.what());
    return 2;
  }
  return 0;
}
