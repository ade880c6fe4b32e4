// Parses WEFT_SCHEDULE_FILE text (format in protocol.h) into choices.
#include "internal/arena.h"
#include "strategies/strategy.h"
#include "weft/protocol.h"

namespace weft {

uint32_t parse_schedule(const char *text, uint64_t len, uint32_t **out) {
  uint32_t lines = 1;
  for (uint64_t i = 0; i < len; ++i) lines += text[i] == '\n';
  uint32_t *v = arena_new_array<uint32_t>(lines);
  uint32_t n = 0;
  uint64_t i = 0;
  while (i < len) {
    uint64_t e = i;
    while (e < len && text[e] != '\n') ++e;
    uint64_t p = i;
    while (p < e && (text[p] == ' ' || text[p] == '\t' || text[p] == '\r')) ++p;
    if (p < e && text[p] != '#') {
      bool value = false;
      if (text[p] == '!') value = true, ++p;
      uint64_t x = 0;
      bool digits = false;
      while (p < e && text[p] >= '0' && text[p] <= '9') x = x * 10 + (uint64_t)(text[p++] - '0'), digits = true;
      if (digits) v[n++] = value ? (WEFT_VALUE_CHOICE | (uint32_t)x) : (uint32_t)x;
    }
    i = e + 1;
  }
  *out = v;
  return n;
}

} // namespace weft
