// 200 threads that each take a mutex and bump a counter: clean, and a test of scale.
#include <cassert>
#include <mutex>
#include <thread>
#include <vector>

std::mutex m;
long total = 0;

int main() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 200; ++i)
    threads.emplace_back([] {
      std::lock_guard<std::mutex> lock(m);
      ++total;
    });
  for (auto &t : threads)
    t.join();
  assert(total == 200);
  return 0;
}
