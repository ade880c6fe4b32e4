// Fingerprints: a 64-bit FNV-1a hash over the parts of a finding that name the bug, not where the
// bug happens to sit today (line numbers) or how it was found (schedule, seed, addresses).
// Changing what goes in changes every fingerprint and invalidates users' baselines: don't, or bump
// the "weft/v1" tag (SARIF's partialFingerprints key follows it).
#include "weft/report/Fingerprint.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <vector>

namespace weft::report {
namespace {

/// Collapses runs of whitespace to one space and trims, so re-indenting a line keeps its hash.
std::string normalise(const std::string &text) {
  std::string out;
  bool space = false;
  for (unsigned char c : text) {
    if (std::isspace(c)) {
      space = !out.empty();
      continue;
    }
    if (space)
      out += ' ';
    space = false;
    out += static_cast<char>(c);
  }
  return out;
}

class Hasher {
public:
  /// Each part is followed by a separator byte so ("ab","c") and ("a","bc") differ.
  void add(const std::string &part) {
    for (unsigned char c : part)
      mix(c);
    mix(0x1f);
  }
  std::string hex() const {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h_));
    return buf;
  }

private:
  void mix(unsigned char c) {
    h_ ^= c;
    h_ *= 0x100000001b3ull;
  }
  std::uint64_t h_ = 0xcbf29ce484222325ull;
};

} // namespace

std::string fingerprint(const Finding &f) {
  // Which access is "primary" depends on the schedule (the later of two racing accesses, the
  // thread that closed a lock cycle), so the places and the innermost functions are hashed as
  // sorted sets: the same bug found by two schedules gets the same fingerprint.
  std::vector<std::string> places{f.location.file + '\x1e' + normalise(f.location.snippet)};
  std::vector<std::string> functions;
  if (!f.stack.empty())
    functions.push_back(f.stack.front().function);
  for (const RelatedLocation &r : f.related) {
    places.push_back(r.location.file + '\x1e' + normalise(r.location.snippet));
    if (!r.stack.empty())
      functions.push_back(r.stack.front().function);
  }
  std::sort(places.begin(), places.end());
  std::sort(functions.begin(), functions.end());

  Hasher h;
  h.add("weft/v1");
  h.add(f.rule);
  h.add(f.variable);
  for (const std::string &p : places)
    h.add(p);
  h.add("\x1d"); // ends the places, so a place never reads as a function
  for (const std::string &fn : functions)
    h.add(fn);
  return h.hex();
}

void assignFingerprints(Report &report) {
  for (Finding &f : report.findings)
    if (f.fingerprint.empty())
      f.fingerprint = fingerprint(f);
}

} // namespace weft::report
