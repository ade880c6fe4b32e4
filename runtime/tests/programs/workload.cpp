// A small mixed workload for the native / TSan / weft comparison (measure.sh): four threads, each
// doing local arithmetic on a private array and 2,000 locked updates of a shared map-like table.
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>
std::mutex m;
long table[64];
int main() {
  std::vector<std::thread> ts;
  for (int t = 0; t < 4; ++t)
    ts.emplace_back([t] {
      std::vector<long> local(4096);
      long sum = 0;
      for (int i = 0; i < 2000; ++i) {
        for (int k = 0; k < 64; ++k) local[(i * 64 + k) % 4096] += i ^ k;
        std::lock_guard<std::mutex> g(m);
        table[(i + t) % 64] += local[i % 4096];
        sum += table[i % 64];
      }
      if (sum == 42) std::puts("unlikely");
    });
  for (auto &t : ts) t.join();
  return 0;
}
