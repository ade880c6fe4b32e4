// Drawn with a carriage return and erased at the end: the final output is never mixed with it.
#include "Progress.h"

#include <cstdio>

namespace weft::run {

Progress::Progress(bool enabled, std::uint64_t total)
    : enabled_(enabled), total_(total), start_(std::chrono::steady_clock::now()) {}

double Progress::rate(std::uint64_t done) const {
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  return seconds > 0 ? static_cast<double>(done) / seconds : 0;
}

void Progress::update(std::uint64_t done, std::uint64_t findings) {
  if (!enabled_)
    return;
  auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_ < std::chrono::milliseconds(100) && done < total_)
    return;
  last_ = now;
  drawn_ = true;
  std::fprintf(stderr, "\r\033[Kweft run: %llu/%llu runs, %.0f schedules/s, %llu finding%s",
               static_cast<unsigned long long>(done), static_cast<unsigned long long>(total_),
               rate(done), static_cast<unsigned long long>(findings), findings == 1 ? "" : "s");
  std::fflush(stderr);
}

void Progress::finish() {
  if (enabled_ && drawn_)
    std::fprintf(stderr, "\r\033[K");
  drawn_ = false;
}

} // namespace weft::run
