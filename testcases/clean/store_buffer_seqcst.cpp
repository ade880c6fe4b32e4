// weft-expect: clean
//
// The store-buffering litmus test with sequentially consistent atomics: at least one thread must
// see the other's store, so r1 == r2 == 0 is impossible.
#include <atomic>
#include <cassert>
#include <thread>

std::atomic<int> x{0};
std::atomic<int> y{0};

int main() {
  int r1 = -1;
  int r2 = -1;
  std::thread a([&r1] {
    x.store(1);
    r1 = y.load();
  });
  std::thread b([&r2] {
    y.store(1);
    r2 = x.load();
  });
  a.join();
  b.join();
  assert(r1 == 1 || r2 == 1);
  return 0;
}
