// weft-expect: clean
//
// std::async tasks that return their results through futures instead of sharing a variable.
#include <cassert>
#include <future>

int sumTo(int n) {
  int sum = 0;
  for (int i = 1; i <= n; ++i)
    sum += i;
  return sum;
}

int main() {
  auto a = std::async(std::launch::async, sumTo, 10);
  auto b = std::async(std::launch::async, sumTo, 20);
  assert(a.get() + b.get() == 55 + 210);
  return 0;
}
