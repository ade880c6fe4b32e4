// std::scoped_lock takes two mutexes in both orders with its deadlock-avoidance algorithm (lock +
// try_lock + back off): no lock-order inversion, no deadlock. Expect: no finding, exit 0.
#include <mutex>
#include <thread>
std::mutex a, b;
int x = 0;
int main() {
  std::thread t1([] {
    for (int i = 0; i < 3; ++i) {
      std::scoped_lock l(a, b);
      ++x;
    }
  });
  std::thread t2([] {
    for (int i = 0; i < 3; ++i) {
      std::scoped_lock l(b, a);
      ++x;
    }
  });
  t1.join();
  t2.join();
  return x == 6 ? 0 : 1;
}
