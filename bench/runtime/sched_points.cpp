// Scheduling-point cost: two threads doing N atomic increments each, so that (with two threads
// enabled) every increment is a real choice point. Run under a strategy that rarely switches (pct)
// and one that often does (random), the difference is the cost of a switch.
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <thread>

std::atomic<long> hits{0};

int main(int argc, char **argv) {
  long n = argc > 1 ? std::atol(argv[1]) : 200000;
  auto work = [n] {
    for (long i = 0; i < n; ++i)
      hits.fetch_add(1, std::memory_order_relaxed);
  };
  std::thread a(work), b(work);
  a.join();
  b.join();
  std::printf("%ld\n", hits.load());
  return 0;
}
