// C++20 synchronisation built on the futex system call: std::latch, std::barrier,
// std::counting_semaphore, std::atomic::wait/notify. Expect: completes, no finding, exit 0.
#include <atomic>
#include <barrier>
#include <latch>
#include <semaphore>
#include <thread>
#include <vector>
int main() {
  std::latch start(3);
  std::barrier sync(3);
  std::counting_semaphore<4> slots(1);
  std::atomic<int> flag{0};
  int shared = 0; // protected by the semaphore
  std::vector<std::thread> ts;
  for (int i = 0; i < 3; ++i)
    ts.emplace_back([&] {
      start.arrive_and_wait();
      for (int k = 0; k < 2; ++k) {
        slots.acquire();
        shared = shared + 1;
        slots.release();
      }
      sync.arrive_and_wait();
    });
  std::thread waiter([&] { flag.wait(0); });
  for (auto &t : ts) t.join();
  flag.store(1);
  flag.notify_all();
  waiter.join();
  return shared == 6 ? 0 : 1;
}
