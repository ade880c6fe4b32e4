// weft-expect: data-race buf
//
// The only conflicting accesses are inside memcpy: one thread copies into a global buffer while
// another copies out of it. clang leaves memcpy as a libc call (no __tsan hook), so a runtime
// must intercept memcpy to see it.
#include <cassert>
#include <cstring>
#include <thread>

char buf[64];
const char kMessage[64] = "hello, weft";

void writer() {
  for (int i = 0; i < 10; ++i)
    std::memcpy(buf, kMessage, sizeof buf);
}

void reader() {
  char out[64];
  for (int i = 0; i < 10; ++i) {
    std::memcpy(out, buf, sizeof out);
    assert(out[0] == '\0' || out[0] == 'h');
  }
}

int main() {
  std::thread a(writer);
  std::thread b(reader);
  a.join();
  b.join();
  return 0;
}
