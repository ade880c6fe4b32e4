// weft-expect: clean
//
// Release/acquire hand-off: the plain write to `payload` happens before the release store, and a
// reader whose acquire load sees the flag also sees the payload.
#include <atomic>
#include <cassert>
#include <thread>

int payload = 0;
std::atomic<bool> ready{false};

void publish() {
  payload = 42;
  ready.store(true, std::memory_order_release);
}

void consume() {
  if (ready.load(std::memory_order_acquire))
    assert(payload == 42);
}

int main() {
  std::thread a(publish);
  std::thread b(consume);
  a.join();
  b.join();
  return 0;
}
