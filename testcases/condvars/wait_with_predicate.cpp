// weft-expect: clean
//
// The fix for the lost wake-up: wait with a predicate on state changed under the same mutex.
// A notify that comes first is not lost, because the waiter checks `ready` before sleeping.
#include <cassert>
#include <condition_variable>
#include <mutex>
#include <thread>

std::mutex mutex;
std::condition_variable cv;
bool ready = false;
int message = 0;

void waiter() {
  std::unique_lock<std::mutex> lock(mutex);
  cv.wait(lock, [] { return ready; });
  message += 1;
}

void notifier() {
  {
    std::lock_guard<std::mutex> guard(mutex);
    message = 41;
    ready = true;
  }
  cv.notify_one();
}

int main() {
  std::thread a(waiter);
  std::thread b(notifier);
  a.join();
  b.join();
  assert(message == 42);
  return 0;
}
