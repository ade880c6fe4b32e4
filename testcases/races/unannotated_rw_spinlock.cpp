// weft-expect-run: data-race table
// weft-expect-lint: clean
//
// clean/annotated_rw_spinlock.cpp without its annotations:
// the lock's relaxed atomics order nothing, so the writer's stores to `table`
// race with the readers' loads.
//
// weft lint takes the class for a lock and does not judge the memory orders inside it, so
// it reports nothing here or in the annotated program.
#include <atomic>
#include <cassert>
#include <thread>

class RwSpinLock {
public:
  void lock() {
    int expected = 0;
    while (!state_.compare_exchange_weak(expected, -1, std::memory_order_relaxed)) {
      expected = 0;
      std::this_thread::yield();
    }
    std::atomic_signal_fence(std::memory_order_seq_cst);
  }
  void unlock() {
    std::atomic_signal_fence(std::memory_order_seq_cst);
    state_.store(0, std::memory_order_relaxed);
  }
  void lock_shared() {
    for (;;) {
      int seen = state_.load(std::memory_order_relaxed);
      if (seen >= 0 && state_.compare_exchange_weak(seen, seen + 1, std::memory_order_relaxed))
        break;
      std::this_thread::yield();
    }
    std::atomic_signal_fence(std::memory_order_seq_cst);
  }
  void unlock_shared() {
    std::atomic_signal_fence(std::memory_order_seq_cst);
    state_.fetch_sub(1, std::memory_order_relaxed);
  }

private:
  std::atomic<int> state_{0}; // -1: a writer; n > 0: n readers
};

RwSpinLock table_lock;
int table[4];

void writer() {
  for (int round = 1; round <= 10; ++round) {
    table_lock.lock();
    for (int &cell : table)
      cell = round;
    table_lock.unlock();
  }
}

void reader() {
  for (int i = 0; i < 10; ++i) {
    table_lock.lock_shared();
    int first = table[0];
    for (int cell : table)
      assert(cell == first);
    table_lock.unlock_shared();
  }
}

int main() {
  std::thread w(writer);
  std::thread r1(reader);
  std::thread r2(reader);
  w.join();
  r1.join();
  r2.join();
  return 0;
}
