// weft-expect-lint: cv-wait-without-predicate
// weft-expect-run: deadlock
//
// A lost wake-up: the waiter waits without checking any condition. When the notifier runs first,
// its notify_one wakes nobody and the waiter then waits forever.
#include <condition_variable>
#include <mutex>
#include <thread>

std::mutex mutex;
std::condition_variable cv;
int message = 0;

void waiter() {
  std::unique_lock<std::mutex> lock(mutex);
  cv.wait(lock); // weft-line: cv-wait-without-predicate
  message += 1;
}

void notifier() {
  {
    std::lock_guard<std::mutex> guard(mutex);
    message = 41;
  }
  cv.notify_one();
}

int main() {
  std::thread a(waiter);
  std::thread b(notifier);
  a.join();
  b.join();
  return message == 42 ? 0 : 1;
}
