// weft-expect: clean
//
// Data initialised before the threads start and only read while they run: no write is concurrent
// with any access, so nothing needs a lock.
#include <cassert>
#include <thread>

int limits[4];
int scale = 0;

int main() {
  scale = 3;
  for (int i = 0; i < 4; ++i)
    limits[i] = i * scale;
  int a_sum = 0;
  int b_sum = 0;
  std::thread a([&a_sum] {
    for (int i = 0; i < 4; ++i)
      a_sum += limits[i];
  });
  std::thread b([&b_sum] { b_sum = limits[3] * scale; });
  a.join();
  b.join();
  assert(a_sum == 18 && b_sum == 27);
  return 0;
}
