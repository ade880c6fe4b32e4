// A small program for schedules per second: two threads, a mutex, a condition variable hand-off.
#include <condition_variable>
#include <mutex>
#include <thread>

std::mutex m;
std::condition_variable cv;
bool ready = false;
int value = 0;

int main() {
  std::thread producer([] {
    std::lock_guard<std::mutex> lock(m);
    value = 42;
    ready = true;
    cv.notify_one();
  });
  {
    std::unique_lock<std::mutex> lock(m);
    cv.wait(lock, [] { return ready; });
  }
  producer.join();
  return value == 42 ? 0 : 1;
}
