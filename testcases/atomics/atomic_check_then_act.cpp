// weft-expect-lint: clean
// weft-expect-run: assertion-failure
//
// Check-then-act on an atomic: the check and the increment are each atomic but not together, so
// two threads can both pass the check. compare_exchange is the fix.
#include <atomic>
#include <cassert>
#include <thread>

constexpr int kLimit = 1;
std::atomic<int> sessions{0};

void open() {
  if (sessions.load() < kLimit)
    sessions.fetch_add(1);
}

int main() {
  std::thread a(open);
  std::thread b(open);
  a.join();
  b.join();
  assert(sessions.load() <= kLimit);
  return 0;
}
