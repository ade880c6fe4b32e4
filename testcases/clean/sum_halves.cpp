// weft-expect: clean
//
// Two workers each sum one half of a list into their own result; the list is only read, each
// result has one writer, and main reads the results after joining.
#include <cassert>
#include <cstddef>
#include <thread>
#include <vector>

long sumRange(const std::vector<int> &list, std::size_t begin, std::size_t end) {
  long sum = 0;
  for (std::size_t i = begin; i < end; ++i)
    sum += list[i];
  return sum;
}

int main() {
  std::vector<int> list;
  for (int i = 1; i <= 100; ++i)
    list.push_back(i);
  std::size_t half = list.size() / 2;
  long left = 0;
  long right = 0;
  std::thread a([&] { left = sumRange(list, 0, half); });
  std::thread b([&] { right = sumRange(list, half, list.size()); });
  a.join();
  b.join();
  assert(left + right == 5050);
  return 0;
}
