// weft-expect: clean
//
// The counter as a std::atomic: fetch_add is one indivisible read-modify-write.
#include <atomic>
#include <cassert>
#include <thread>

std::atomic<int> counter{0};

void work() {
  for (int i = 0; i < 100; ++i)
    counter.fetch_add(1, std::memory_order_relaxed);
}

int main() {
  std::thread a(work);
  std::thread b(work);
  a.join();
  b.join();
  assert(counter.load() == 200);
  return 0;
}
