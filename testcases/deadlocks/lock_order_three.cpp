// weft-expect-lint: lock-order-inversion
// weft-expect-run: deadlock|lock-order-inversion
//
// A cycle of three: each thread holds one lock and wants the next (A->B, B->C, C->A). No two
// threads invert a pair, only the whole cycle deadlocks.
#include <mutex>
#include <thread>

std::mutex lock_a;
std::mutex lock_b;
std::mutex lock_c;
int steps = 0;

void stepAB() {
  std::lock_guard<std::mutex> g1(lock_a);
  std::lock_guard<std::mutex> g2(lock_b);
  ++steps;
}

void stepBC() {
  std::lock_guard<std::mutex> g1(lock_b);
  std::lock_guard<std::mutex> g2(lock_c);
  ++steps;
}

void stepCA() {
  std::lock_guard<std::mutex> g1(lock_c);
  std::lock_guard<std::mutex> g2(lock_a);
  ++steps;
}

int main() {
  std::thread t1(stepAB);
  std::thread t2(stepBC);
  std::thread t3(stepCA);
  t1.join();
  t2.join();
  t3.join();
  return steps == 3 ? 0 : 1;
}
