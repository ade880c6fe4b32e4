// Names are matched lexically first and through symlinks second, so `src/a.cpp`, `./src/a.cpp`
// and a path through a symlinked checkout all find the database's entry.
#include "FileSelection.h"

#include <set>

namespace weft::lint {

namespace fs = std::filesystem;

namespace {

std::string canonicalOrEmpty(const fs::path &p) {
  std::error_code ec;
  fs::path c = fs::weakly_canonical(p, ec);
  return ec ? std::string() : c.string();
}

} // namespace

std::vector<CompileJob> firstCommandPerFile(std::vector<CompileJob> jobs) {
  std::set<std::string> seen;
  std::vector<CompileJob> unique;
  for (CompileJob &j : jobs)
    if (seen.insert(j.file).second)
      unique.push_back(std::move(j));
  return unique;
}

std::optional<std::vector<CompileJob>> selectJobs(const std::vector<CompileJob> &jobs,
                                                  const std::vector<std::string> &named,
                                                  const fs::path &cwd, std::string &error) {
  if (named.empty())
    return jobs;
  std::vector<CompileJob> selected;
  std::set<std::string> already;
  for (const std::string &name : named) {
    fs::path wanted = (cwd / fs::path(name)).lexically_normal();
    const CompileJob *match = nullptr;
    for (const CompileJob &j : jobs)
      if (fs::path(j.file) == wanted) {
        match = &j;
        break;
      }
    if (!match) {
      std::string canonical = canonicalOrEmpty(wanted);
      for (const CompileJob &j : jobs)
        if (!canonical.empty() && canonicalOrEmpty(j.file) == canonical) {
          match = &j;
          break;
        }
    }
    if (!match) {
      std::error_code ec;
      error = fs::exists(wanted, ec)
                  ? "'" + name + "' is not in the compilation database"
                  : "'" + name + "' does not exist (and is not in the compilation database)";
      return std::nullopt;
    }
    if (already.insert(match->file).second)
      selected.push_back(*match);
  }
  return selected;
}

} // namespace weft::lint
