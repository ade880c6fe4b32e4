// Phase peak memory from /proc/self (see PhaseMemory.h).
#include "PhaseMemory.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace weft::lint {

namespace {

/// A `Vm...:` field of /proc/self/status, in KiB; -1 when unknown.
long statusKiB(const char *field) {
  std::FILE *f = std::fopen("/proc/self/status", "r");
  if (!f)
    return -1;
  char line[256];
  long kib = -1;
  while (std::fgets(line, sizeof line, f))
    if (std::strncmp(line, field, std::strlen(field)) == 0) {
      kib = std::strtol(line + std::strlen(field), nullptr, 10);
      break;
    }
  std::fclose(f);
  return kib;
}

} // namespace

long peakRssKiB() { return statusKiB("VmHWM:"); }

long currentRssKiB() { return statusKiB("VmRSS:"); }

void resetPeakRss() {
  // Writing 5 to clear_refs resets VmHWM to the current RSS (Linux >= 4.0).
  if (std::FILE *f = std::fopen("/proc/self/clear_refs", "w")) {
    std::fputs("5", f);
    std::fclose(f);
  }
}

bool statsRequested() {
  const char *v = std::getenv("WEFT_LINT_STATS");
  return v && std::strcmp(v, "1") == 0;
}

} // namespace weft::lint
