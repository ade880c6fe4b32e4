// weft-expect-lint: clean
// weft-expect-run: deadlock
//
// Two waiters, one notify_one: when both are already asleep only one wakes and the other waits
// forever. Every wait has a correct predicate and every access holds the lock, so nothing is
// wrong locally; notify_all is the fix. Only the runtime can find it.
#include <condition_variable>
#include <mutex>
#include <thread>

std::mutex mutex;
std::condition_variable cv;
bool started = false;
int woken = 0;

void waiter() {
  std::unique_lock<std::mutex> lock(mutex);
  cv.wait(lock, [] { return started; });
  ++woken;
}

int main() {
  std::thread a(waiter);
  std::thread b(waiter);
  {
    std::lock_guard<std::mutex> guard(mutex);
    started = true;
  }
  cv.notify_one();
  a.join();
  b.join();
  return woken == 2 ? 0 : 1;
}
