// The lost update: two threads do `counter = counter + 1` with no lock; when one is preempted
// between its read and its write, an increment is lost and the assertion fails.
#include <cassert>
#include <thread>

int counter = 0;

void increment() { counter = counter + 1; }

int main() {
  std::thread a(increment), b(increment);
  a.join();
  b.join();
  assert(counter == 2);
  return 0;
}
