// Fence-based publication: a release fence before a relaxed store of the flag, and an acquire fence
// after the relaxed load that sees it, order the payload as a release store / acquire load would.
// With the argument `no-acquire-fence` the reader leaves its fence out: then the read of the
// payload races with its write.
#include <atomic>
#include <cassert>
#include <cstring>
#include <thread>

int payload = 0;
std::atomic<bool> ready{false};

int main(int argc, char **argv) {
  const bool acquire_fence = !(argc > 1 && std::strcmp(argv[1], "no-acquire-fence") == 0);
  std::thread writer([] {
    payload = 42;
    std::atomic_thread_fence(std::memory_order_release);
    ready.store(true, std::memory_order_relaxed);
  });
  std::thread reader([acquire_fence] {
    while (!ready.load(std::memory_order_relaxed)) {
    }
    if (acquire_fence)
      std::atomic_thread_fence(std::memory_order_acquire);
    assert(payload == 42);
  });
  writer.join();
  reader.join();
  return 0;
}
