// weft-expect: clean
//
// A compare-exchange loop that keeps the maximum seen by any thread: lock-free and correct.
#include <atomic>
#include <cassert>
#include <thread>

std::atomic<int> maximum{0};

void offer(int value) {
  int current = maximum.load();
  while (current < value && !maximum.compare_exchange_weak(current, value)) {
  }
}

int main() {
  std::thread a([] {
    for (int i = 0; i < 100; i += 2)
      offer(i);
  });
  std::thread b([] {
    for (int i = 1; i < 100; i += 2)
      offer(i);
  });
  a.join();
  b.join();
  assert(maximum.load() == 99);
  return 0;
}
