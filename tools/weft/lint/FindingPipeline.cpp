// Why this order: NOLINT and snippets read the source through the analyser's absolute paths;
// sorting needs the final (relative) paths to be the same on every machine; fingerprints hash the
// relative path and the snippet, so they come last.
#include "FindingPipeline.h"

#include "FindingPostprocess.h"
#include "Suppressions.h"

#include "weft/report/Fingerprint.h"

namespace weft::lint {

std::size_t finishFindings(report::Report &report, const std::filesystem::path &root,
                           SourceLines &sources) {
  fillSnippets(report.findings, sources);
  std::size_t suppressed = removeSuppressed(report.findings, sources);
  makePathsRelative(report.findings, root);
  sortAndDeduplicate(report.findings);
  report::assignFingerprints(report);
  return suppressed;
}

} // namespace weft::lint
