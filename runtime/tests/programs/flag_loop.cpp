// Issue 14 item 5: a worker loops until main sets a flag, and its loop body updates other atomics
// (a heartbeat and a statistic), so every iteration changes shared state. The loop polls `stop`
// without ever seeing it change: it is not making progress, and a fair scheduler lets main run
// and set the flag. Before the fix PCT ran the worker (its highest-priority thread) forever and
// reported `livelock` at the step bound.
#include <atomic>
#include <cassert>
#include <mutex>
#include <thread>

static std::atomic<bool> stop;
static std::atomic<long> beats, seen;
static std::mutex mu;
static int setup; // guarded by mu

int main() {
  std::thread worker([] {
    while (!stop.load(std::memory_order_acquire)) {
      beats.fetch_add(1, std::memory_order_relaxed);
      seen.store(beats.load(std::memory_order_relaxed), std::memory_order_relaxed);
    }
  });
  for (int i = 0; i < 5; ++i) { // some work of main's own before it lets the worker stop
    std::lock_guard<std::mutex> g(mu);
    ++setup;
  }
  stop.store(true, std::memory_order_release);
  worker.join();
  assert(setup == 5);
  return 0;
}
