// weft-expect: clean
//
// The textbook split: two workers each sum half of a list into their own slot of `partial`,
// given as a different constant argument to each thread (and passed on to a helper); main adds
// the slots up after joining both.
#include <cstddef>
#include <functional>
#include <thread>
#include <vector>

long partial[2];

void add(int slot, long value) { partial[slot] += value; }

void work(const std::vector<int> &list, int slot) {
  std::size_t half = list.size() / 2;
  for (std::size_t i = slot * half; i < (slot + 1) * half; ++i)
    add(slot, list[i]);
}

int main() {
  std::vector<int> list(100, 1);
  std::thread a(work, std::cref(list), 0);
  std::thread b(work, std::cref(list), 1);
  a.join();
  b.join();
  return partial[0] + partial[1] == 100 ? 0 : 1;
}
