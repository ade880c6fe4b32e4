// weft-expect: clean
//
// A thread_local counter looks like a shared global but each thread has its own copy.
#include <atomic>
#include <cassert>
#include <thread>

thread_local int calls = 0;
std::atomic<int> total{0};

void work() {
  for (int i = 0; i < 100; ++i)
    ++calls;
  total.fetch_add(calls);
}

int main() {
  std::thread a(work);
  std::thread b(work);
  a.join();
  b.join();
  assert(total.load() == 200);
  return 0;
}
