// Issue 14 item 2: the bug needs a preemption at a *later* racy access of a variable. Main reads
// `v`, writes it, announces it with a relaxed store (no happens-before) and re-reads `v`, all under
// a lock the worker never takes; the worker writes `v` only if it sees the announcement. The
// worker's write always comes after main's write, so the detector sees it race with main's write
// — and with main's re-read, which follows main's own write in the same epoch. Only if that re-read
// is learned as a choice point can a strategy preempt main just before it, let the worker write,
// and make the assertion fail; learning only the first racing pair (the two writes) leaves the bug
// unreachable, and dfs then claims to have explored the whole space.
#include <atomic>
#include <cassert>
#include <mutex>
#include <thread>

static std::mutex mu;
static volatile int v; // volatile: the re-read stays a load
static std::atomic<int> announced;

int main() {
  std::thread worker([] {
    if (announced.load(std::memory_order_relaxed))
      v = 100;
  });
  {
    std::lock_guard<std::mutex> g(mu);
    int a = v;
    v = a + 1;
    announced.store(1, std::memory_order_relaxed);
    int b = v;
    assert(b == a + 1 && "v changed between main's write and its re-read");
  }
  worker.join();
  return 0;
}
