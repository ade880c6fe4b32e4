// Deduplication keys on what a reader sees (place, rule, variable, message), not on the related
// locations: one TU may name a different thread creation site for the same header access.
#include "FindingPostprocess.h"

#include <algorithm>
#include <tuple>

namespace weft::lint {

namespace {

void fillSnippet(report::Location &location, SourceLines &sources) {
  if (!location.snippet.empty() || location.file.empty() || location.line < 1)
    return;
  if (const std::string *text = sources.line(location.file, location.line))
    location.snippet = trimmed(*text);
}

template <typename Fn> void forEachLocation(report::Finding &f, Fn fn) {
  fn(f.location);
  for (report::RelatedLocation &r : f.related) {
    fn(r.location);
    for (report::StackFrame &s : r.stack)
      fn(s.location);
  }
  for (report::ThreadInfo &t : f.threads) {
    if (t.created_at)
      fn(*t.created_at);
    for (report::StackFrame &s : t.stack)
      fn(s.location);
  }
  for (report::StackFrame &s : f.stack)
    fn(s.location);
}

auto sortKey(const report::Finding &f) {
  return std::tie(f.location.file, f.location.line, f.location.column, f.rule, f.variable,
                  f.message);
}

} // namespace

void fillSnippets(std::vector<report::Finding> &findings, SourceLines &sources) {
  for (report::Finding &f : findings)
    forEachLocation(f, [&](report::Location &l) { fillSnippet(l, sources); });
}

std::string relativeToRoot(const std::string &path, const std::filesystem::path &root) {
  namespace fs = std::filesystem;
  if (path.empty())
    return path;
  fs::path p = fs::path(path).lexically_normal();
  if (!p.is_absolute())
    return p.string();
  fs::path r = root.lexically_normal();
  if (!r.has_filename() && r != r.root_path()) // "/src/" -> "/src"
    r = r.parent_path();
  fs::path rel = p.lexically_relative(r);
  if (rel.empty() || *rel.begin() == "..")
    return p.string();
  return rel.string();
}

void makePathsRelative(std::vector<report::Finding> &findings, const std::filesystem::path &root) {
  for (report::Finding &f : findings)
    forEachLocation(f, [&](report::Location &l) { l.file = relativeToRoot(l.file, root); });
}

void sortAndDeduplicate(std::vector<report::Finding> &findings) {
  std::stable_sort(
      findings.begin(), findings.end(),
      [](const report::Finding &a, const report::Finding &b) { return sortKey(a) < sortKey(b); });
  auto last = std::unique(
      findings.begin(), findings.end(),
      [](const report::Finding &a, const report::Finding &b) { return sortKey(a) == sortKey(b); });
  findings.erase(last, findings.end());
}

} // namespace weft::lint
