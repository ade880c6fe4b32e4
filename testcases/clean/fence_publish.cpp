// weft-expect: clean
//
// Fence-based publication: a release fence before a relaxed store, and an acquire fence after the
// relaxed load that reads it, order the payload exactly as a release store / acquire load would
// (C++ [atomics.fences]). Without the acquire fence it would race: atomics/relaxed_publish.
#include <atomic>
#include <cassert>
#include <thread>

int payload = 0;
std::atomic<bool> ready{false};

void publish() {
  payload = 42;
  std::atomic_thread_fence(std::memory_order_release);
  ready.store(true, std::memory_order_relaxed);
}

void consume() {
  if (ready.load(std::memory_order_relaxed)) {
    std::atomic_thread_fence(std::memory_order_acquire);
    assert(payload == 42);
  }
}

int main() {
  std::thread a(publish);
  std::thread b(consume);
  a.join();
  b.join();
  return 0;
}
