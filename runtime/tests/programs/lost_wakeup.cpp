// Lost wake-up: the waiter waits without a predicate; if the notification comes first, it waits
// forever. Expect: deadlock (every thread's blocking op) on some schedules, never a hang.
#include <condition_variable>
#include <mutex>
#include <thread>
std::mutex m;
std::condition_variable cv;
int main() {
  std::thread waiter([] {
    std::unique_lock<std::mutex> l(m);
    cv.wait(l);
  });
  std::thread notifier([] {
    std::lock_guard<std::mutex> g(m);
    cv.notify_one();
  });
  notifier.join();
  waiter.join();
}
