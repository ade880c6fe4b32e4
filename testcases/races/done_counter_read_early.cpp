// weft-expect: data-race Worker::result
//
// The completion counter of clean/done_counter_wait.cpp, but main peeks at the first worker's
// result before it waits for the counter: that worker may be writing it at the same time.
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
  long first = workers[0].result; // too early
  {
    std::unique_lock<std::mutex> lock(shared.mu);
    while (shared.done < kWorkers)
      shared.cv.wait(lock);
  }
  long total = 0;
  for (int i = 0; i < kWorkers; ++i)
    total += workers[i].result;
  std::printf("%ld %ld\n", first, total);
  return 0;
}
