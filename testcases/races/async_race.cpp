// weft-expect: data-race processed
//
// Two std::async tasks (launch::async, so each runs on its own thread) update a global.
#include <cassert>
#include <future>

int processed = 0;

int process() {
  for (int i = 0; i < 100; ++i)
    ++processed;
  return 100;
}

int main() {
  auto a = std::async(std::launch::async, process);
  auto b = std::async(std::launch::async, process);
  int expected = a.get() + b.get();
  assert(processed == expected);
  return 0;
}
