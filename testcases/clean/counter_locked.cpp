// weft-expect: clean
//
// The textbook counter done right: two threads increment one global under one mutex.
#include <cassert>
#include <mutex>
#include <thread>

int counter = 0;
std::mutex counter_mutex;

void work() {
  for (int i = 0; i < 100; ++i) {
    std::lock_guard<std::mutex> guard(counter_mutex);
    ++counter;
  }
}

int main() {
  std::thread a(work);
  std::thread b(work);
  a.join();
  b.join();
  assert(counter == 200);
  return 0;
}
