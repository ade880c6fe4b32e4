// weft-expect-run: data-race processed
// weft-expect-lint: data-race processed
//
// clean/annotated_ignore_thread.cpp without its annotations:
// the sampler's reads of `processed` race with the workers' increments.
//
// weft lint does not read TSan's annotations, so it reports this race in the annotated
// program too.
#include <atomic>
#include <mutex>
#include <thread>

std::mutex mu;
long processed = 0;
long last_sample = 0;
std::atomic<bool> stop{false};

void worker() {
  for (int i = 0; i < 50; ++i) {
    std::lock_guard<std::mutex> guard(mu);
    ++processed;
  }
}

void sampler() {
  while (!stop.load()) {
    last_sample = processed;
    std::this_thread::yield();
  }
}

int main() {
  std::thread s(sampler);
  std::thread a(worker);
  std::thread b(worker);
  a.join();
  b.join();
  stop.store(true);
  s.join();
  return processed == 100 ? 0 : 1;
}
