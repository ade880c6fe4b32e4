// weft-expect: data-race partial
//
// The look-alike of clean/per_thread_slots with a copy-paste slip: both workers are given slot
// 0, so they add into the same element without a lock.
#include <cstddef>
#include <functional>
#include <thread>
#include <vector>

long partial[2];

void add(int slot, long value) { partial[slot] += value; }

void work(const std::vector<int> &list, int slot, std::size_t from) {
  for (std::size_t i = from; i < from + list.size() / 2; ++i)
    add(slot, list[i]);
}

int main() {
  std::vector<int> list(100, 1);
  std::thread a(work, std::cref(list), 0, 0);
  std::thread b(work, std::cref(list), 0, list.size() / 2);
  a.join();
  b.join();
  return partial[0] + partial[1] == 100 ? 0 : 1;
}
