// weft-expect: clean
//
// A detached thread that captures by value and signals completion through a latch: nothing it
// touches can die before it finishes.
#include <atomic>
#include <cassert>
#include <latch>
#include <thread>

std::latch finished{1};
std::atomic<int> processed{0};

void spawn() {
  int batch = 5;
  std::thread([batch] {
    processed.fetch_add(batch);
    finished.count_down();
  }).detach();
}

int main() {
  spawn();
  finished.wait();
  assert(processed.load() == 5);
  return 0;
}
