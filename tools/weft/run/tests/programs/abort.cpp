// An abort() (not an assert) in a worker thread after a lock.
#include <cstdlib>
#include <mutex>
#include <thread>

std::mutex m;

int main() {
  std::thread t([] {
    std::lock_guard<std::mutex> lock(m);
    std::abort();
  });
  t.join();
  return 0;
}
