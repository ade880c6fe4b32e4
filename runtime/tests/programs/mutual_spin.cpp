// Issue 14 item 5, the other side: a real livelock. Each thread waits for the other's flag, which
// nobody ever sets, and its loop body keeps updating a counter of its own. No fair schedule ends
// it, so `livelock` must still be reported (at the step bound) and its replay must reproduce it.
#include <atomic>
#include <thread>

static std::atomic<bool> ready[2];
static std::atomic<long> spins[2];

static void wait_for_other(int me) {
  while (!ready[1 - me].load(std::memory_order_acquire))
    spins[me].fetch_add(1, std::memory_order_relaxed);
  ready[me].store(true, std::memory_order_release);
}

int main() {
  std::thread t1(wait_for_other, 0), t2(wait_for_other, 1);
  t1.join();
  t2.join();
  return 0;
}
