// weft-expect: clean
//
// A one-slot mailbox with two condition variables and predicates: a correct hand-off of 50 values.
#include <cassert>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

std::mutex mutex;
std::condition_variable slot_free;
std::condition_variable slot_full;
std::optional<int> slot;

void produce() {
  for (int i = 1; i <= 50; ++i) {
    std::unique_lock<std::mutex> lock(mutex);
    slot_free.wait(lock, [] { return !slot.has_value(); });
    slot = i;
    slot_full.notify_one();
  }
}

int main() {
  std::thread producer(produce);
  int sum = 0;
  for (int i = 0; i < 50; ++i) {
    std::unique_lock<std::mutex> lock(mutex);
    slot_full.wait(lock, [] { return slot.has_value(); });
    sum += *slot;
    slot.reset();
    slot_free.notify_one();
  }
  producer.join();
  assert(sum == 50 * 51 / 2);
  return 0;
}
