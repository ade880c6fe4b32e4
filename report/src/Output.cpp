// Format selection and all-or-nothing file writing, shared by every command that writes a report.
#include "weft/report/Output.h"

#include "weft/report/HtmlWriter.h"
#include "weft/report/Json.h"
#include "weft/report/SarifWriter.h"

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <stdexcept>
#include <string>
#include <unistd.h>

namespace weft::report {

std::optional<Format> parseFormat(std::string_view name) {
  if (name == "text")
    return Format::Text;
  if (name == "json")
    return Format::Json;
  if (name == "sarif")
    return Format::Sarif;
  if (name == "html")
    return Format::Html;
  return std::nullopt;
}

std::string render(const Report &report, Format format, const TextOptions &options) {
  switch (format) {
  case Format::Text:
    return toText(report, options);
  case Format::Json:
    return toJsonText(report);
  case Format::Sarif:
    return toSarif(report).dump(2) + "\n";
  case Format::Html:
    return toHtml(report, options);
  }
  return {};
}

namespace {

[[noreturn]] void fail(const std::string &path, const char *what, int err) {
  throw std::runtime_error("cannot write '" + path + "': " + what + std::strerror(err));
}

} // namespace

void writeFileAtomically(const std::string &path, const std::string &content) {
  // The temporary lives beside the target so rename() stays within one file system (atomic).
  std::string dir = ".";
  if (auto slash = path.rfind('/'); slash != std::string::npos)
    dir = slash == 0 ? "/" : path.substr(0, slash);
  std::string base = path.substr(path.rfind('/') == std::string::npos ? 0 : path.rfind('/') + 1);
  if (base.empty())
    throw std::runtime_error("cannot write '" + path + "': not a file name");
  // open(O_EXCL, 0666) rather than mkstemp (0600): the file gets the mode the umask gives any
  // ordinary file, without touching the process-wide umask.
  static std::atomic<unsigned> counter{0};
  std::string tmpl;
  int fd = -1;
  for (int attempt = 0; fd < 0 && attempt < 100; ++attempt) {
    tmpl = (dir == "/" ? "" : dir) + "/." + base + ".tmp." + std::to_string(::getpid()) + "." +
           std::to_string(counter++);
    fd = ::open(tmpl.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0 && errno != EEXIST)
      break;
  }
  if (fd < 0)
    fail(path, "", errno);
  auto abandon = [&](const char *what) {
    int err = errno;
    ::close(fd);
    ::unlink(tmpl.c_str());
    fail(path, what, err);
  };
  const char *p = content.data();
  size_t left = content.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR)
        continue;
      abandon("");
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0)
    abandon("fsync: ");
  if (::close(fd) != 0) {
    int err = errno;
    ::unlink(tmpl.c_str());
    fail(path, "close: ", err);
  }
  if (::rename(tmpl.c_str(), path.c_str()) != 0) {
    int err = errno;
    ::unlink(tmpl.c_str());
    fail(path, "", err);
  }
}

} // namespace weft::report
