// weft-expect-run: clean
// weft-expect-lint: data-race processed
//
// A sampling thread that reads the workers' counters without synchronisation on purpose and
// tells ThreadSanitizer to ignore everything it does (__tsan_ignore_thread_begin/end). The twin
// without the annotation: races/unannotated_ignore_thread.cpp.
//
// weft lint does not read TSan's annotations, so it reports this race here: the
// annotations are compiled only under -fsanitize=thread.
#include <atomic>
#include <mutex>
#include <thread>

#if defined(__SANITIZE_THREAD__)
#define TSAN_ANNOTATIONS 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define TSAN_ANNOTATIONS 1
#endif
#endif

#ifdef TSAN_ANNOTATIONS
extern "C" void __tsan_ignore_thread_begin();
extern "C" void __tsan_ignore_thread_end();
#define IGNORE_THREAD_BEGIN() __tsan_ignore_thread_begin()
#define IGNORE_THREAD_END() __tsan_ignore_thread_end()
#else
#define IGNORE_THREAD_BEGIN()
#define IGNORE_THREAD_END()
#endif

std::mutex mu;
long processed = 0;
long last_sample = 0;
std::atomic<bool> stop{false};

void worker() {
  for (int i = 0; i < 50; ++i) {
    std::lock_guard<std::mutex> guard(mu);
    ++processed;
  }
}

void sampler() {
  IGNORE_THREAD_BEGIN();
  while (!stop.load()) {
    last_sample = processed;
    std::this_thread::yield();
  }
  IGNORE_THREAD_END();
}

int main() {
  std::thread s(sampler);
  std::thread a(worker);
  std::thread b(worker);
  a.join();
  b.join();
  stop.store(true);
  s.join();
  return processed == 100 ? 0 : 1;
}
