// weft-expect: clean
//
// The self re-lock through a callee, made legal by std::recursive_mutex.
#include <cassert>
#include <mutex>
#include <thread>

std::recursive_mutex cache_mutex;
int entries = 0;

int size() {
  std::lock_guard<std::recursive_mutex> guard(cache_mutex);
  return entries;
}

void insert() {
  for (int i = 0; i < 20; ++i) {
    std::lock_guard<std::recursive_mutex> guard(cache_mutex);
    if (size() < 10)
      ++entries;
  }
}

int main() {
  std::thread a(insert);
  std::thread b(insert);
  a.join();
  b.join();
  assert(entries == 10);
  return 0;
}
