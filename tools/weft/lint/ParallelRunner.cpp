// Threads rather than processes: on the benchmark (bench/lint/README.md) two worker threads were
// no slower than two processes splitting the files and spent less CPU (one start, one library
// load), and results come back without serialisation.
#include "ParallelRunner.h"

#include <sched.h>

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace weft::lint {

void runParallel(std::size_t count, unsigned threads,
                 const std::function<void(std::size_t)> &work) {
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i = next++; i < count; i = next++)
      work(i);
  };
  std::size_t n = std::clamp<std::size_t>(threads, 1, std::max<std::size_t>(count, 1));
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < n; ++t)
    pool.emplace_back(worker);
  worker(); // the calling thread is a worker too: -j 1 runs everything on the main thread
  for (std::thread &t : pool)
    t.join();
}

unsigned defaultParallelism() {
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0)
    return static_cast<unsigned>(CPU_COUNT(&set));
  return std::max(1u, std::thread::hardware_concurrency());
}

} // namespace weft::lint
