// weft-expect-lint: clean
// weft-expect-run: assertion-failure
//
// Every access is atomic, so there is no data race, but `load` then `store` is not one atomic
// read-modify-write: an increment can be lost between them. fetch_add is the fix.
#include <atomic>
#include <cassert>
#include <thread>

std::atomic<int> counter{0};

void work() {
  for (int i = 0; i < 100; ++i)
    counter.store(counter.load() + 1);
}

int main() {
  std::thread a(work);
  std::thread b(work);
  a.join();
  b.join();
  assert(counter.load() == 200);
  return 0;
}
