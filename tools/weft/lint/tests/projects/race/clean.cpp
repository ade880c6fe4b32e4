// weft-expect: clean
// The same counter behind a mutex: nothing to report.
#include <mutex>
#include <thread>

namespace {
int total = 0;
std::mutex totalMutex;

void add() {
  for (int i = 0; i < 1000; ++i) {
    std::lock_guard<std::mutex> lock(totalMutex);
    ++total;
  }
}
} // namespace

int cleanMain() {
  std::thread a(add);
  std::thread b(add);
  a.join();
  b.join();
  return total;
}
