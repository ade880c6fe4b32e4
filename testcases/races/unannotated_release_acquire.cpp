// weft-expect-run: data-race slots
// weft-expect-lint: data-race slots
//
// clean/annotated_release_acquire.cpp without its annotations:
// the relaxed counter orders nothing, so the consumer's reads of `slots` race
// with the producer's writes.
//
// weft lint does not read TSan's annotations, so it reports this race in the annotated
// program too.
#include <atomic>
#include <cassert>
#include <thread>

constexpr int kSlots = 4;
int slots[kSlots];
std::atomic<int> published{0};

void producer() {
  for (int i = 0; i < kSlots; ++i) {
    slots[i] = i * 10;
    published.store(i + 1, std::memory_order_relaxed);
  }
}

void consumer() {
  int sum = 0;
  for (int i = 0; i < kSlots; ++i) {
    while (published.load(std::memory_order_relaxed) <= i)
      std::this_thread::yield();
    sum += slots[i];
  }
  assert(sum == 60);
}

int main() {
  std::thread a(producer);
  std::thread b(consumer);
  a.join();
  b.join();
  return 0;
}
