// weft-expect: clean
//
// Two threads name the same two mutexes in opposite orders, but through std::scoped_lock, whose
// deadlock-avoidance algorithm makes the order irrelevant.
#include <cassert>
#include <mutex>
#include <thread>

std::mutex from_mutex;
std::mutex to_mutex;
int from_balance = 100;
int to_balance = 0;

void forward() {
  for (int i = 0; i < 50; ++i) {
    std::scoped_lock lock(from_mutex, to_mutex);
    --from_balance;
    ++to_balance;
  }
}

void backward() {
  for (int i = 0; i < 50; ++i) {
    std::scoped_lock lock(to_mutex, from_mutex);
    ++from_balance;
    --to_balance;
  }
}

int main() {
  std::thread a(forward);
  std::thread b(backward);
  a.join();
  b.join();
  assert(from_balance + to_balance == 100);
  return 0;
}
