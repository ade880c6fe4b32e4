// Keeps the two commands short: everything here is the same for a run and a replay.
#include "RunSupport.h"

#include "weft/report/Output.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace weft::run {

std::string resolveProgram(const std::string &program) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (program.find('/') != std::string::npos) {
    fs::path p = fs::absolute(program, ec);
    return ec ? program : p.lexically_normal().string();
  }
  const char *path = std::getenv("PATH");
  std::stringstream dirs(path ? path : "/usr/bin:/bin");
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    fs::path candidate = fs::path(dir.empty() ? "." : dir) / program;
    if (access(candidate.c_str(), X_OK) == 0)
      return fs::absolute(candidate, ec).lexically_normal().string();
  }
  return program;
}

std::string currentDirectory() {
  std::error_code ec;
  auto cwd = std::filesystem::current_path(ec);
  return ec ? std::string(".") : cwd.string();
}

std::string utcNow() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string checkFormat(const std::string &format) {
  if (format.empty() || format == "text" || format == "json" || format == "sarif" ||
      format == "html")
    return {};
  return "unknown format '" + format + "' (text, json, sarif or html)";
}

std::string emitReport(const report::Report &report, const OutputRequest &request,
                       const std::string &replayReport, bool print,
                       const std::vector<report::ReplaySource> &replaySources) {
  report::TextOptions text;
  text.reportPath = replayReport;
  text.replaySources = replaySources;
  text.color = isatty(1);
  if (!request.outPath.empty()) {
    auto format = report::parseFormat(request.format.empty() ? "json" : request.format);
    try {
      report::TextOptions plain = text;
      plain.color = false;
      report::writeFileAtomically(request.outPath, report::render(report, *format, plain));
    } catch (const std::exception &e) {
      return e.what();
    }
  }
  if (!print)
    return {};
  auto view = report::Format::Text;
  if (request.outPath.empty() && !request.format.empty())
    view = *report::parseFormat(request.format);
  if (view != report::Format::Text)
    text.color = false;
  std::string out = report::render(report, view, text);
  std::fwrite(out.data(), 1, out.size(), stdout);
  std::fflush(stdout);
  return {};
}

std::vector<std::string> racyPcsForReport(const std::vector<std::string> &pcs,
                                          const std::string &root) {
  std::vector<std::string> out;
  out.reserve(pcs.size());
  for (const std::string &pc : pcs) {
    bool below = pc.size() > root.size() + 1 && pc.compare(0, root.size(), root) == 0 &&
                 pc[root.size()] == '/';
    out.push_back(below ? pc.substr(root.size() + 1) : pc);
  }
  return out;
}

std::vector<std::string> racyPcsFromReport(const std::vector<std::string> &pcs,
                                           const std::string &root) {
  std::vector<std::string> out;
  out.reserve(pcs.size());
  for (const std::string &pc : pcs)
    out.push_back(!pc.empty() && pc[0] != '/' && !root.empty() ? root + "/" + pc : pc);
  return out;
}

} // namespace weft::run
