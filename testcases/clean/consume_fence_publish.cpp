// weft-expect: clean
//
// Fence-based publication through a consume fence: C++ treats memory_order_consume as acquire
// (every implementation promotes it), so this hand-off is ordered exactly like clean/fence_publish.
// The lint once decoded the fence order in two places and saw a race here.
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
    std::atomic_thread_fence(std::memory_order_consume);
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
