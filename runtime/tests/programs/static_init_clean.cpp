// Function-local statics initialised concurrently (the __cxa_guard_* protocol) and a spinlock on
// std::atomic_flag under PCT: no race on the static's initialisation, no livelock. Expect: exit 0.
#include <atomic>
#include <string>
#include <thread>
struct Config {
  std::string name = "weft";
  int version = 3;
};
const Config &config() {
  static Config c;
  return c;
}
std::atomic_flag lock = ATOMIC_FLAG_INIT;
int counter = 0;
void work() {
  if (config().version != 3) __builtin_trap();
  for (int i = 0; i < 20; ++i) {
    while (lock.test_and_set(std::memory_order_acquire)) {
    }
    ++counter;
    lock.clear(std::memory_order_release);
  }
}
int main() {
  std::thread a(work), b(work);
  work();
  a.join();
  b.join();
  return counter == 60 ? 0 : 1;
}
