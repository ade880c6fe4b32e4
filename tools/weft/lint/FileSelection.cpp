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

bool isAssemblySource(const CompileJob &job) {
  std::string ext = fs::path(job.file).extension().string();
  if (ext == ".s" || ext == ".S" || ext == ".sx" || ext == ".asm")
    return true;
  for (std::size_t i = 0; i < job.arguments.size(); ++i) {
    const std::string &a = job.arguments[i];
    std::string lang = a == "-x" && i + 1 < job.arguments.size() ? job.arguments[i + 1]
                       : a.rfind("-x", 0) == 0                   ? a.substr(2)
                                                                 : std::string();
    if (lang.rfind("assembler", 0) == 0)
      return true;
  }
  return false;
}

void dropAssemblySources(std::vector<CompileJob> &jobs, std::vector<std::string> &skipped) {
  std::vector<CompileJob> kept;
  for (CompileJob &j : jobs) {
    if (isAssemblySource(j))
      skipped.push_back(j.file);
    else
      kept.push_back(std::move(j));
  }
  jobs = std::move(kept);
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
