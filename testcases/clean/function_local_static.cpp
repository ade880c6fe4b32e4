// weft-expect: clean
//
// A function-local static initialised on first use from two threads: C++11 guarantees that the
// initialisation runs once and is complete before either caller sees the object.
#include <cassert>
#include <thread>

struct Registry {
  int size;
  Registry() : size(7) {}
};

Registry &registry() {
  static Registry instance;
  return instance;
}

int main() {
  int a_size = 0;
  int b_size = 0;
  std::thread a([&a_size] { a_size = registry().size; });
  std::thread b([&b_size] { b_size = registry().size; });
  a.join();
  b.join();
  assert(a_size == 7 && b_size == 7);
  return 0;
}
