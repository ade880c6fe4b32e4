// weft-expect-run: data-race progress
// weft-expect-run: data-race heartbeat
// weft-expect-lint: data-race progress
// weft-expect-lint: data-race heartbeat
//
// clean/annotated_ignore_accesses.cpp without its annotations:
// the monitor's reads of `progress` and the worker's writes of `heartbeat`
// race with the other thread's accesses.
//
// weft lint does not read TSan's annotations, so it reports this race in the annotated
// program too.
#include <atomic>
#include <thread>

int progress = 0;
int heartbeat = 0;
std::atomic<int> steps{0}; // relaxed: counts, orders nothing

void worker() {
  for (int i = 1; i <= 20; ++i) {
    progress = i;
    heartbeat = i;
    steps.fetch_add(1, std::memory_order_relaxed);
  }
}

int samples = 0; // the monitor's own

void monitor() {
  for (int i = 0; i < 20; ++i) {
    samples += progress;
    samples += heartbeat;
    std::this_thread::yield();
  }
}

int main() {
  std::thread a(worker);
  std::thread b(monitor);
  a.join();
  b.join();
  return samples >= 0 ? 0 : 1;
}
