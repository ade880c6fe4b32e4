// Builds one event line in a fixed buffer without stdio (no locks, async-signal-safe), so a line is
// written whole with a single write(2). Lines longer than the buffer are truncated, never split.
#pragma once
#include <cstdint>

namespace weft {

struct Line {
  static constexpr uint32_t kCap = 4000; // < PIPE_BUF (4096): one write is atomic on a pipe
  char buf[kCap];
  uint32_t len;

  Line &str(const char *s) {
    while (*s && len < kCap - 1) buf[len++] = *s++;
    return *this;
  }
  Line &ch(char c) {
    if (len < kCap - 1) buf[len++] = c;
    return *this;
  }
  Line &dec(uint64_t v) {
    char t[24];
    int n = 0;
    do { t[n++] = (char)('0' + v % 10); v /= 10; } while (v);
    while (n) ch(t[--n]);
    return *this;
  }
  Line &sdec(int64_t v) {
    if (v < 0) { ch('-'); return dec((uint64_t)(-v)); }
    return dec((uint64_t)v);
  }
  Line &hex(uint64_t v) {
    str("0x");
    char t[20];
    int n = 0;
    do { t[n++] = "0123456789abcdef"[v & 15]; v >>= 4; } while (v);
    while (n) ch(t[--n]);
    return *this;
  }
  /// " key=" prefix helper.
  Line &key(const char *k) { return ch(' ').str(k).ch('='); }
  /// Ends the line with '\n' (always fits: one byte is reserved).
  void end() { buf[len++] = '\n'; }
};

} // namespace weft
