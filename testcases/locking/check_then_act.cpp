// weft-expect: data-race reserved
//
// Check-then-act without a lock: both threads can see a free seat and both take it.
#include <cassert>
#include <thread>

constexpr int kCapacity = 1;
int reserved = 0;

void reserve() {
  if (reserved < kCapacity) // weft-line: data-race
    ++reserved;
}

int main() {
  std::thread a(reserve);
  std::thread b(reserve);
  a.join();
  b.join();
  assert(reserved <= kCapacity);
  return 0;
}
