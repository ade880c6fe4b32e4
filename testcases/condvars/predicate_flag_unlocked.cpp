// weft-expect: data-race ready
//
// The waiter uses a predicate, but the notifier sets the flag without the mutex: a data race on
// `ready`, and the waiter can check `ready`, miss the update and sleep through the notify. A
// runtime sees the race before any deadlock (the write always races with the waiter's check).
#include <condition_variable>
#include <mutex>
#include <thread>

std::mutex mutex;
std::condition_variable cv;
bool ready = false;

void waiter() {
  std::unique_lock<std::mutex> lock(mutex);
  cv.wait(lock, [] { return ready; }); // weft-line: data-race
}

void notifier() {
  ready = true; // weft-line: data-race
  cv.notify_one();
}

int main() {
  std::thread a(waiter);
  std::thread b(notifier);
  a.join();
  b.join();
  return 0;
}
