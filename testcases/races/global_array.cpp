// weft-expect: data-race slots
//
// Two threads update the same elements of a global array; an element is named by its array.
#include <cassert>
#include <thread>

int slots[4];

void fill() {
  for (int i = 0; i < 100; ++i)
    slots[i % 4] += 1; // weft-line: data-race
}

int main() {
  std::thread a(fill);
  std::thread b(fill);
  a.join();
  b.join();
  assert(slots[0] + slots[1] + slots[2] + slots[3] == 200);
  return 0;
}
