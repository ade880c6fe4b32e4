// weft-expect: clean
//
// Workers report completion through a counter, as leveldb's db_bench does: each worker fills in
// its own result, then increments `done` under the mutex and signals; main waits until
// `done == kWorkers` (`while (done < kWorkers) cv.wait(lock)`) and only then reads the results.
// The threads are detached, never joined: what orders the workers' writes before main's reads
// is the counter each of them wrote under the mutex and main read under it before going on.
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <thread>

constexpr int kWorkers = 3;

struct Shared {
  std::mutex mu;
  std::condition_variable cv;
  int done = 0;
};

Shared shared;

struct Worker {
  long result = 0;
};

void work(Worker *w) {
  long sum = 0;
  for (int i = 0; i < 1000; ++i)
    sum += i;
  w->result = sum; // this worker's own result
  std::lock_guard<std::mutex> lock(shared.mu);
  shared.done++;
  shared.cv.notify_all();
}

int main() {
  Worker *workers = new Worker[kWorkers]; // lives as long as the program
  for (int i = 0; i < kWorkers; ++i)
    std::thread(work, &workers[i]).detach();
  {
    std::unique_lock<std::mutex> lock(shared.mu);
    while (shared.done < kWorkers)
      shared.cv.wait(lock);
  }
  long total = 0;
  for (int i = 0; i < kWorkers; ++i)
    total += workers[i].result;
  std::printf("%ld\n", total);
  return 0;
}
