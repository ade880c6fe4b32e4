// weft-expect-run: data-race message
// weft-expect-lint: data-race Message::id|Message::length
//
// clean/annotated_happens_before.cpp without its annotations:
// the relaxed flag orders nothing, so the consumer's reads of `message` race
// with the producer's writes.
//
// weft lint does not read TSan's annotations, so it reports this race in the annotated
// program too.
#include <atomic>
#include <cassert>
#include <thread>

struct Message {
  int id;
  int length;
};

Message message;
std::atomic<bool> ready{false};

void producer() {
  message.id = 7;
  message.length = 42;
  ready.store(true, std::memory_order_relaxed);
}

void consumer() {
  while (!ready.load(std::memory_order_relaxed))
    std::this_thread::yield();
  assert(message.id == 7 && message.length == 42);
}

int main() {
  std::thread a(producer);
  std::thread b(consumer);
  a.join();
  b.join();
  return 0;
}
