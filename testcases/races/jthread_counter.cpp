// weft-expect: data-race hits
//
// The lost update with C++20 std::jthread, which joins in its destructor.
#include <cassert>
#include <thread>

int hits = 0;

void visit() {
  for (int i = 0; i < 100; ++i)
    ++hits;
}

int main() {
  {
    std::jthread a(visit);
    std::jthread b(visit);
  }
  assert(hits == 200);
  return 0;
}
