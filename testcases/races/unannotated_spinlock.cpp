// weft-expect-run: data-race counter
// weft-expect-lint: clean
//
// clean/annotated_spinlock.cpp without its annotations:
// the spin lock's relaxed atomics order nothing in the C++ memory model, so the
// increments of `counter` race: the annotations were what said the lock orders them.
//
// weft lint takes the class for a lock and does not judge the memory orders inside it, so
// it reports nothing here or in the annotated program.
#include <atomic>
#include <cassert>
#include <thread>

class SpinLock {
public:
  void lock() {
    while (locked_.exchange(true, std::memory_order_relaxed))
      std::this_thread::yield();
    std::atomic_signal_fence(std::memory_order_seq_cst);
  }
  bool try_lock() {
    bool ok = !locked_.exchange(true, std::memory_order_relaxed);
    std::atomic_signal_fence(std::memory_order_seq_cst);
    return ok;
  }
  void unlock() {
    std::atomic_signal_fence(std::memory_order_seq_cst);
    locked_.store(false, std::memory_order_relaxed);
  }

private:
  std::atomic<bool> locked_{false};
};

SpinLock spin;
int counter = 0;

void locker() {
  for (int i = 0; i < 100; ++i) {
    spin.lock();
    ++counter;
    spin.unlock();
  }
}

void poller() {
  for (int i = 0; i < 100; ++i) {
    while (!spin.try_lock())
      std::this_thread::yield();
    ++counter;
    spin.unlock();
  }
}

int main() {
  std::thread a(locker);
  std::thread b(poller);
  a.join();
  b.join();
  assert(counter == 200);
  return 0;
}
