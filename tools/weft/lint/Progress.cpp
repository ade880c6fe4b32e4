// The line is cut to the terminal's width: a wrapped line cannot be redrawn with '\r'.
#include "Progress.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdio>

namespace weft::lint {

namespace {

std::size_t terminalWidth() {
  winsize size{};
  if (ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
    return size.ws_col;
  return 80;
}

} // namespace

Progress::Progress(std::size_t total, bool enabled) : total_(total), enabled_(enabled) {}

Progress::~Progress() { clear(); }

bool Progress::stderrIsTerminal() { return isatty(STDERR_FILENO) == 1; }

void Progress::started(const std::string &name) {
  if (!enabled_)
    return;
  std::lock_guard lock(mutex_);
  ++started_;
  line_ = "[" + std::to_string(started_) + "/" + std::to_string(total_) + "] " + name;
  std::size_t width = terminalWidth();
  if (line_.size() >= width)
    line_ = "..." + line_.substr(line_.size() - (width - 4));
  draw();
}

void Progress::print(const std::string &text) {
  std::lock_guard lock(mutex_);
  if (drawn_)
    std::fputs("\r\x1b[K", stderr);
  std::fputs(text.c_str(), stderr);
  drawn_ = false;
  if (enabled_ && started_ > 0)
    draw();
}

void Progress::clear() {
  std::lock_guard lock(mutex_);
  if (drawn_)
    std::fputs("\r\x1b[K", stderr);
  drawn_ = false;
  std::fflush(stderr);
}

void Progress::draw() {
  std::fputs("\r\x1b[K", stderr);
  std::fputs(line_.c_str(), stderr);
  std::fflush(stderr);
  drawn_ = true;
}

} // namespace weft::lint
