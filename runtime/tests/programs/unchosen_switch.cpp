// Issue 14 item 3: dfs counts a preemption against the thread that reached the point, also after a
// switch nobody chose. Main waits for the worker's `ready` and blocks, so the worker runs without a
// choice (one thread enabled: nothing recorded). The worker wakes main and then stores 1 and 2;
// main must not see the 1. The bug takes one preemption: the worker, running, is preempted between
// its two stores; every schedule but the non-preemptive one preempts someone. Counted against the
// last recorded choice instead, the first choice of a run was free, so was picking main when the
// worker was running after the switch, and the worker going on cost one: a search bounded by 0
// ran three schedules, two of them preemptive (the unit test DfsTree.PreemptionsCountAgainst...
// shows the other direction, a bound-1 search cut short).
#include <atomic>
#include <cassert>
#include <condition_variable>
#include <mutex>
#include <thread>

static std::mutex mu;
static std::condition_variable cv;
static bool ready;
static std::atomic<int> v;

int main() {
  std::thread worker([] {
    {
      std::lock_guard<std::mutex> g(mu);
      ready = true;
    }
    cv.notify_one();
    v.store(1, std::memory_order_relaxed);
    v.store(2, std::memory_order_relaxed);
  });
  {
    std::unique_lock<std::mutex> l(mu);
    cv.wait(l, [] { return ready; });
  }
  int seen = v.load(std::memory_order_relaxed);
  assert(seen != 1 && "main saw the worker between its two stores");
  worker.join();
  return 0;
}
