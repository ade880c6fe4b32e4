// About 10^6 scheduling points in one run: two threads doing 500,000 atomic increments each.
#include <atomic>
#include <cassert>
#include <thread>

std::atomic<long> hits{0};

int main() {
  auto work = [] {
    for (int i = 0; i < 500000; ++i)
      hits.fetch_add(1, std::memory_order_relaxed);
  };
  std::thread a(work), b(work);
  a.join();
  b.join();
  assert(hits.load() == 1000000);
  return 0;
}
