// Issue 14 item 9: pages unmapped and mapped again start with no history. The worker writes a
// page it mapped and unmaps it, then says so through a relaxed flag (no happens-before); main
// maps a page of the same size, which the kernel hands out at the same address, and writes it.
// Exit 5 when the address differs (the test would prove nothing).
#include <atomic>
#include <sys/mman.h>
#include <thread>

std::atomic<bool> unmapped{false};
std::atomic<void *> first{nullptr};

int main() {
  const size_t size = 1 << 16;
  std::thread worker([&] {
    void *p = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
      return;
    static_cast<int *>(p)[8] = 1;
    munmap(p, size);
    first.store(p, std::memory_order_relaxed);
    unmapped.store(true, std::memory_order_relaxed);
  });
  while (!unmapped.load(std::memory_order_relaxed))
    std::this_thread::yield();
  void *q = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (q == MAP_FAILED)
    return 2;
  static_cast<int *>(q)[8] = 2;
  worker.join();
  return q == first.load(std::memory_order_relaxed) ? 0 : 5;
}
