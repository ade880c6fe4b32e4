// Lost update: two threads do counter = counter + 1 without a lock; the assertion fails when a
// preemption falls between the read and the write. Expect: data-race, and assertion-failure on some
// schedules once the racy pcs are known.
#include <thread>
#include <cassert>
#include <cstdio>
int counter = 0;
void work() { for (int i = 0; i < 3; ++i) counter = counter + 1; }
int main() {
  std::thread a(work), b(work);
  a.join(); b.join();
  printf("counter=%d\n", counter);
  assert(counter == 6);
}
