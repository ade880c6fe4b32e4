// weft-expect-lint: lock-leak
// weft-expect-run: deadlock
//
// An early return leaves the mutex locked; the next thread that takes it waits forever.
#include <mutex>
#include <thread>

std::mutex totals_mutex;
int total = 0;

void add(int value) {
  totals_mutex.lock(); // weft-line: lock-leak
  if (value < 0)
    return;
  total += value;
  totals_mutex.unlock();
}

int main() {
  std::thread t(add, -1);
  t.join();
  add(5);
  return 0;
}
