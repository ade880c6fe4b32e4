// weft-expect-lint: double-lock
// weft-expect-run: double-lock|deadlock
//
// A function that holds a non-recursive mutex calls a helper that locks it again: the thread
// blocks on itself, every time.
#include <mutex>
#include <thread>

std::mutex cache_mutex;
int entries = 0;

int size() {
  std::lock_guard<std::mutex> guard(cache_mutex); // weft-line: double-lock
  return entries;
}

void insert() {
  std::lock_guard<std::mutex> guard(cache_mutex);
  if (size() < 10)
    ++entries;
}

int main() {
  std::thread t(insert);
  t.join();
  return 0;
}
