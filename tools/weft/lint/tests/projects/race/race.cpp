// weft-expect: data-race counter
// Two threads increment a global with no lock: the race every analyser must find. The lint tests
// put NOLINT comments on the `++counter` line and shift it down to test fingerprints.
#include <thread>

int counter = 0;

void work() {
  for (int i = 0; i < 1000; ++i)
    ++counter;
}

int main() {
  std::thread a(work);
  std::thread b(work);
  a.join();
  b.join();
  return counter == 2000 ? 0 : 1;
}
