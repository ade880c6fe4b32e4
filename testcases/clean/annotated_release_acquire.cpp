// weft-expect-run: clean
// weft-expect-lint: data-race slots
//
// Slots published through a relaxed counter: the producer fills a slot, calls __tsan_release on
// the slot's address and bumps the counter; the consumer, once the counter shows the slot, calls
// __tsan_acquire on it before reading. The annotations are the only ordering ThreadSanitizer
// (and weft) is told about. The twin without them: races/unannotated_release_acquire.cpp.
//
// weft lint does not read TSan's annotations, so it reports this race here: the
// annotations are compiled only under -fsanitize=thread.
#include <atomic>
#include <cassert>
#include <thread>

#if defined(__SANITIZE_THREAD__)
#define TSAN_ANNOTATIONS 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define TSAN_ANNOTATIONS 1
#endif
#endif

#ifdef TSAN_ANNOTATIONS
extern "C" void __tsan_acquire(void *addr);
extern "C" void __tsan_release(void *addr);
#define RELEASE(addr) __tsan_release(addr)
#define ACQUIRE(addr) __tsan_acquire(addr)
#else
#define RELEASE(addr)
#define ACQUIRE(addr)
#endif

constexpr int kSlots = 4;
int slots[kSlots];
std::atomic<int> published{0};

void producer() {
  for (int i = 0; i < kSlots; ++i) {
    slots[i] = i * 10;
    RELEASE(&slots[i]);
    published.store(i + 1, std::memory_order_relaxed);
  }
}

void consumer() {
  int sum = 0;
  for (int i = 0; i < kSlots; ++i) {
    while (published.load(std::memory_order_relaxed) <= i)
      std::this_thread::yield();
    ACQUIRE(&slots[i]);
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
