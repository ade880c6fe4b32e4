// Clean: three threads increment a counter under std::mutex; a condition variable hand-off at the
// end. Expect: no finding, exit 0.
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <thread>
std::mutex m;
std::condition_variable cv;
int counter = 0;
bool ready = false;
void work() {
  for (int i = 0; i < 5; ++i) {
    std::lock_guard<std::mutex> g(m);
    counter = counter + 1;
  }
}
int main() {
  std::thread a(work), b(work), c(work);
  std::thread waiter([] {
    std::unique_lock<std::mutex> l(m);
    cv.wait(l, [] { return ready; });
  });
  a.join();
  b.join();
  c.join();
  {
    std::lock_guard<std::mutex> g(m);
    ready = true;
  }
  cv.notify_all();
  waiter.join();
  std::printf("counter=%d\n", counter);
  return counter == 15 ? 0 : 1;
}
