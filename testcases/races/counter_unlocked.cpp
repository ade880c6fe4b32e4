// weft-expect: data-race counter
//
// The textbook lost update: two threads increment one global counter with no lock, so one
// thread's read-modify-write can overwrite the other's and the final count comes out short.
#include <cassert>
#include <thread>

int counter = 0;

void work() {
  for (int i = 0; i < 100; ++i)
    ++counter;
}

int main() {
  std::thread a(work);
  std::thread b(work);
  a.join();
  b.join();
  assert(counter == 200);
  return 0;
}
