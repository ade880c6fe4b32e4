// Issue 14 item 4: exit is a scheduling point, so a detached thread may run while main exits. A
// daemon that never stops (it keeps making progress, so it is not a spinning thread) must not keep
// the process alive: after a grace of scheduling points the exiting thread is picked. Without the
// grace, dfs (which keeps running the thread it switched to) ran the daemon until the step bound
// and reported a livelock.
#include <atomic>
#include <mutex>
#include <thread>

static std::mutex mu;
static long ticks; // guarded by mu
static std::atomic<long> beats;

int main() {
  std::thread([] {
    for (;;) {
      std::lock_guard<std::mutex> g(mu);
      ++ticks;
      beats.fetch_add(1);
    }
  }).detach();
  {
    std::lock_guard<std::mutex> g(mu);
    ticks = 0;
  }
  return 0;
}
