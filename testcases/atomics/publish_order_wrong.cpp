// weft-expect-lint: clean
// weft-expect-run: assertion-failure
//
// A use before an atomic publish: the flag is set before the value it announces, so a reader
// that sees the flag can still read the old value. All accesses are atomic (no data race).
#include <atomic>
#include <cassert>
#include <thread>

std::atomic<int> value{0};
std::atomic<bool> ready{false};

void publish() {
  ready.store(true);
  value.store(42);
}

void consume() {
  if (ready.load())
    assert(value.load() == 42);
}

int main() {
  std::thread a(publish);
  std::thread b(consume);
  a.join();
  b.join();
  return 0;
}
