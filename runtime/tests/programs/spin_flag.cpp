// A spin-wait on an atomic flag and a spinlock built on std::atomic_flag: must not livelock PCT (the
// spinning thread gives way) and must not report races (release/acquire hand-off). Expect: exit 0.
#include <atomic>
#include <thread>
std::atomic<bool> ready{false};
std::atomic_flag lock = ATOMIC_FLAG_INIT;
int payload = 0, guarded = 0;
int main() {
  std::thread consumer([] {
    while (!ready.load(std::memory_order_acquire)) {
    }
    if (payload != 42) __builtin_trap();
  });
  std::thread a([] {
    for (int i = 0; i < 3; ++i) {
      while (lock.test_and_set(std::memory_order_acquire)) {
      }
      guarded = guarded + 1;
      lock.clear(std::memory_order_release);
    }
  });
  payload = 42;
  ready.store(true, std::memory_order_release);
  for (int i = 0; i < 3; ++i) {
    while (lock.test_and_set(std::memory_order_acquire)) {
    }
    guarded = guarded + 1;
    lock.clear(std::memory_order_release);
  }
  consumer.join();
  a.join();
  return guarded == 6 ? 0 : 1;
}
