// 10^6 scheduling points in one run (two threads, 500k atomic increments each). Expect: completes,
// exit 0, memory bounded by live state (checked by the harness through max RSS).
#include <atomic>
#include <thread>
std::atomic<long> n{0};
int main() {
  auto work = [] {
    for (int i = 0; i < 500000; ++i) n.fetch_add(1, std::memory_order_relaxed);
  };
  std::thread a(work), b(work);
  a.join();
  b.join();
  return n.load() == 1000000 ? 0 : 1;
}
