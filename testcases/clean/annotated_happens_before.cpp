// weft-expect-run: clean
// weft-expect-lint: data-race Message::id|Message::length
//
// A message handed over through a relaxed flag: the flag alone orders nothing in the C++ memory
// model, and the code tells ThreadSanitizer what it relies on with AnnotateHappensBefore (before
// the flag is set) and AnnotateHappensAfter (after it is seen). The twin without the
// annotations: races/unannotated_happens_before.cpp.
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
extern "C" void AnnotateHappensBefore(const char *file, int line, const volatile void *addr);
extern "C" void AnnotateHappensAfter(const char *file, int line, const volatile void *addr);
#define HAPPENS_BEFORE(addr) AnnotateHappensBefore(__FILE__, __LINE__, addr)
#define HAPPENS_AFTER(addr) AnnotateHappensAfter(__FILE__, __LINE__, addr)
#else
#define HAPPENS_BEFORE(addr)
#define HAPPENS_AFTER(addr)
#endif

struct Message {
  int id;
  int length;
};

Message message;
std::atomic<bool> ready{false};

void producer() {
  message.id = 7;
  message.length = 42;
  HAPPENS_BEFORE(&ready);
  ready.store(true, std::memory_order_relaxed);
}

void consumer() {
  while (!ready.load(std::memory_order_relaxed))
    std::this_thread::yield();
  HAPPENS_AFTER(&ready);
  assert(message.id == 7 && message.length == 42);
}

int main() {
  std::thread a(producer);
  std::thread b(consumer);
  a.join();
  b.join();
  return 0;
}
