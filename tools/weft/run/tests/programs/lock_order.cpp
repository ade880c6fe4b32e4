// Two threads take two mutexes in opposite orders: a deadlock in some interleavings, a
// lock-order inversion in all of them.
#include <mutex>
#include <thread>

std::mutex first, second;
int a = 0, b = 0;

int main() {
  std::thread t([] {
    std::lock_guard<std::mutex> l1(first);
    std::lock_guard<std::mutex> l2(second);
    ++a;
  });
  {
    std::lock_guard<std::mutex> l2(second);
    std::lock_guard<std::mutex> l1(first);
    ++b;
  }
  t.join();
  return 0;
}
