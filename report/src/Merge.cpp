// Merging several reports into one, dropping findings that another input already reported.
#include "weft/report/Merge.h"

#include "weft/report/Fingerprint.h"

#include <algorithm>
#include <unordered_set>

namespace weft::report {

Report merge(const std::vector<Report> &reports,
             std::vector<std::pair<std::size_t, std::size_t>> *origins) {
  Report out;
  out.command = "report";
  if (!reports.empty()) {
    const Report &first = reports.front();
    out.tool = first.tool;
    out.tool_version = first.tool_version;
    out.root = first.root;
    out.started_at = first.started_at;
    // One exploration only makes sense when there was one input.
    if (reports.size() == 1)
      out.exploration = first.exploration;
  }
  if (origins)
    origins->clear();
  std::unordered_set<std::string> seen;
  std::vector<const std::vector<std::string> *> inputLists;
  for (size_t ri = 0; ri < reports.size(); ++ri) {
    const Report &r = reports[ri];
    bool repeated = false;
    for (const auto *list : inputLists)
      repeated = repeated || *list == r.inputs;
    if (!repeated) {
      inputLists.push_back(&r.inputs);
      out.inputs.insert(out.inputs.end(), r.inputs.begin(), r.inputs.end());
    }
    out.tool_errors.insert(out.tool_errors.end(), r.tool_errors.begin(), r.tool_errors.end());
    for (const std::string &n : r.notes) // the same note from two shards is one note
      if (std::find(out.notes.begin(), out.notes.end(), n) == out.notes.end())
        out.notes.push_back(n);
    for (size_t fi = 0; fi < r.findings.size(); ++fi) {
      Finding copy = r.findings[fi];
      if (copy.fingerprint.empty())
        copy.fingerprint = fingerprint(copy);
      if (!seen.insert(copy.fingerprint).second)
        continue;
      out.findings.push_back(std::move(copy));
      if (origins)
        origins->emplace_back(ri, fi);
    }
  }
  return out;
}

} // namespace weft::report
