// Parsing follows clang-tidy's NoLintDirectiveHandler: the directive is found anywhere in the line
// (normally a comment), the list ends at the first ')', names are trimmed, and an unterminated
// list means every check. NOLINTBEGIN regions pair with the nearest NOLINTEND of the same list.
#include "Suppressions.h"

#include <algorithm>

namespace weft::lint {

namespace {

// `*` matches any run of characters; everything else matches itself.
bool globMatches(std::string_view glob, std::string_view text) {
  if (glob.empty())
    return text.empty();
  if (glob.front() == '*') {
    for (std::size_t skip = 0; skip <= text.size(); ++skip)
      if (globMatches(glob.substr(1), text.substr(skip)))
        return true;
    return false;
  }
  return !text.empty() && glob.front() == text.front() &&
         globMatches(glob.substr(1), text.substr(1));
}

bool sameChecks(const NolintDirective &a, const NolintDirective &b) { return a.checks == b.checks; }

} // namespace

std::vector<NolintDirective> parseNolintDirectives(std::string_view line) {
  using Kind = NolintDirective::Kind;
  constexpr std::string_view kNolint = "NOLINT";
  std::vector<NolintDirective> found;
  std::size_t pos = 0;
  while ((pos = line.find(kNolint, pos)) != std::string_view::npos) {
    pos += kNolint.size();
    NolintDirective d;
    for (auto [suffix, kind] : {std::pair<std::string_view, Kind>{"NEXTLINE", Kind::NextLine},
                                {"BEGIN", Kind::Begin},
                                {"END", Kind::End}}) {
      if (line.substr(pos, suffix.size()) == suffix) {
        d.kind = kind;
        pos += suffix.size();
        break;
      }
    }
    if (pos < line.size() && line[pos] == '(') {
      std::size_t close = line.find(')', pos);
      if (close != std::string_view::npos) {
        std::vector<std::string> checks;
        std::string_view list = line.substr(pos + 1, close - pos - 1);
        while (!list.empty()) {
          std::size_t comma = list.find(',');
          std::string name = trimmed(list.substr(0, comma));
          if (!name.empty())
            checks.push_back(std::move(name));
          list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
        }
        d.checks = std::move(checks);
        pos = close + 1;
      }
    }
    found.push_back(std::move(d));
  }
  return found;
}

bool directiveCovers(const NolintDirective &directive, std::string_view rule) {
  if (!directive.checks)
    return true;
  std::string check = std::string(kCheckPrefix) + std::string(rule);
  return std::any_of(directive.checks->begin(), directive.checks->end(),
                     [&](const std::string &glob) { return globMatches(glob, check); });
}

const std::vector<SuppressionFilter::Region> &SuppressionFilter::regions(const std::string &file) {
  auto it = regions_.find(file);
  if (it != regions_.end())
    return it->second;
  std::vector<Region> closed;
  std::vector<Region> open;
  for (int n = 1;; ++n) {
    const std::string *text = sources_.line(file, n);
    if (!text)
      break;
    if (text->find("NOLINT") == std::string::npos)
      continue;
    for (NolintDirective &d : parseNolintDirectives(*text)) {
      if (d.kind == NolintDirective::Kind::Begin) {
        open.push_back({n, 0, std::move(d)});
      } else if (d.kind == NolintDirective::Kind::End) {
        // The innermost open region with the same list; an unmatched END is ignored, and so is a
        // BEGIN that is never closed (clang-tidy reports both as errors and suppresses nothing).
        auto match = std::find_if(open.rbegin(), open.rend(),
                                  [&](const Region &r) { return sameChecks(r.directive, d); });
        if (match != open.rend()) {
          match->last = n;
          closed.push_back(std::move(*match));
          open.erase(std::next(match).base());
        }
      }
    }
  }
  return regions_.emplace(file, std::move(closed)).first->second;
}

bool SuppressionFilter::isSuppressed(const report::Finding &finding) {
  using Kind = NolintDirective::Kind;
  const std::string &file = finding.location.file;
  const int line = finding.location.line;
  auto lineSuppresses = [&](int n, Kind kind) {
    const std::string *text = sources_.line(file, n);
    if (!text || text->find("NOLINT") == std::string::npos)
      return false;
    for (const NolintDirective &d : parseNolintDirectives(*text))
      if (d.kind == kind && directiveCovers(d, finding.rule))
        return true;
    return false;
  };
  if (line < 1)
    return false;
  if (lineSuppresses(line, Kind::ThisLine) || lineSuppresses(line - 1, Kind::NextLine))
    return true;
  for (const Region &r : regions(file))
    if (r.first <= line && line <= r.last && directiveCovers(r.directive, finding.rule))
      return true;
  return false;
}

std::size_t removeSuppressed(std::vector<report::Finding> &findings, SourceLines &sources) {
  SuppressionFilter filter(sources);
  auto kept = std::remove_if(findings.begin(), findings.end(),
                             [&](const report::Finding &f) { return filter.isSuppressed(f); });
  std::size_t removed = static_cast<std::size_t>(findings.end() - kept);
  findings.erase(kept, findings.end());
  return removed;
}

} // namespace weft::lint
