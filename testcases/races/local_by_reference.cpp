// weft-expect: data-race total
//
// A local variable captured by reference in two thread lambdas: both update it with no lock.
#include <cassert>
#include <thread>

int main() {
  int total = 0;
  auto add = [&total] {
    for (int i = 0; i < 100; ++i)
      ++total; // weft-line: data-race
  };
  std::thread a(add);
  std::thread b(add);
  a.join();
  b.join();
  assert(total == 200);
  return 0;
}
