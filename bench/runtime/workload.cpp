// The benchmark workload: what a typical threaded program does between synchronisations. Four
// threads each run a private computation over a local buffer (plain accesses the race detector
// must check) and now and then merge into shared state under a mutex.
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <thread>
#include <vector>

namespace {

std::mutex lock;
long shared_total = 0;
std::vector<long> histogram(64);

void work(int seed, int rounds) {
  std::vector<int> local(4096);
  for (int round = 0; round < rounds; ++round) {
    long sum = 0;
    for (std::size_t i = 0; i < local.size(); ++i) {
      local[i] = static_cast<int>((local[i] * 1103515245u + 12345u + seed + i) >> 3);
      sum += local[i] & 0xff;
    }
    std::lock_guard<std::mutex> guard(lock);
    shared_total += sum;
    ++histogram[static_cast<std::size_t>(sum) % histogram.size()];
  }
}

} // namespace

int main(int argc, char **argv) {
  int rounds = argc > 1 ? std::atoi(argv[1]) : 200;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back(work, t, rounds);
  for (auto &t : threads)
    t.join();
  std::printf("%ld\n", shared_total);
  return 0;
}
