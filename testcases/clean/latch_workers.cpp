// weft-expect: clean
//
// C++20 std::latch: each worker fills its own result and counts down; main reads the results
// after the latch opens and before joining (count_down happens before the return of wait).
#include <cassert>
#include <latch>
#include <thread>

std::latch done{2};
int first_half = 0;
int second_half = 0;

int main() {
  std::thread a([] {
    first_half = 10;
    done.count_down();
  });
  std::thread b([] {
    second_half = 20;
    done.count_down();
  });
  done.wait();
  assert(first_half + second_half == 30);
  a.join();
  b.join();
  return 0;
}
