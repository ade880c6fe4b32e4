// Deadlock by lock order: thread A takes a then b, thread B takes b then a. Expect: a
// lock-order-inversion on every schedule where both orders happen, and a deadlock (not a hang) on
// schedules where each thread holds its first lock.
#include <mutex>
#include <thread>
std::mutex a, b;
int x;
int main() {
  std::thread t1([] {
    std::lock_guard<std::mutex> g1(a);
    std::lock_guard<std::mutex> g2(b);
    ++x;
  });
  std::thread t2([] {
    std::lock_guard<std::mutex> g1(b);
    std::lock_guard<std::mutex> g2(a);
    ++x;
  });
  t1.join();
  t2.join();
}
