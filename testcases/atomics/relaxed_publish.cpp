// weft-expect: data-race payload
//
// A relaxed flag does not publish: the store to `payload` does not happen before the read of it,
// even when the reader sees the flag set. memory_order_release/acquire is the fix.
#include <atomic>
#include <cassert>
#include <thread>

int payload = 0;
std::atomic<bool> ready{false};

void publish() {
  payload = 42; // weft-line: data-race
  ready.store(true, std::memory_order_relaxed);
}

void consume() {
  if (ready.load(std::memory_order_relaxed))
    assert(payload == 42); // weft-line: data-race
}

int main() {
  std::thread a(publish);
  std::thread b(consume);
  a.join();
  b.join();
  return 0;
}
