// 200 threads, each adding to an atomic and to a mutex-protected counter. Expect: completes, no
// finding, exit 0.
#include <atomic>
#include <mutex>
#include <thread>
#include <vector>
std::atomic<int> hits{0};
std::mutex m;
long total = 0;
int main() {
  std::vector<std::thread> ts;
  for (int i = 0; i < 200; ++i)
    ts.emplace_back([i] {
      hits.fetch_add(1);
      std::lock_guard<std::mutex> g(m);
      total += i;
    });
  for (auto &t : ts) t.join();
  return hits.load() == 200 && total == 199 * 200 / 2 ? 0 : 1;
}
