// Publication through a relaxed flag: relaxed atomics do not synchronise, so the payload read races
// with the payload write. Expect: data-race on payload (and no other finding), exit 0.
#include <atomic>
#include <thread>
std::atomic<int> flag{0};
int payload = 0;
int main() {
  std::thread reader([] {
    while (!flag.load(std::memory_order_relaxed)) {
    }
    if (payload != 42) __builtin_trap();
  });
  payload = 42;
  flag.store(1, std::memory_order_relaxed);
  reader.join();
  return 0;
}
