// weft-expect: clean
//
// A spinlock on std::atomic_flag (test_and_set acquire, clear release) protecting a plain counter.
#include <atomic>
#include <cassert>
#include <thread>

class Spinlock {
public:
  void lock() {
    while (flag_.test_and_set(std::memory_order_acquire)) {
    }
  }
  void unlock() { flag_.clear(std::memory_order_release); }

private:
  std::atomic_flag flag_ = ATOMIC_FLAG_INIT;
};

Spinlock spin;
int counter = 0;

void work() {
  for (int i = 0; i < 100; ++i) {
    spin.lock();
    ++counter;
    spin.unlock();
  }
}

int main() {
  std::thread a(work);
  std::thread b(work);
  a.join();
  b.join();
  assert(counter == 200);
  return 0;
}
