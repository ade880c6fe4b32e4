// weft-expect-run: clean
// weft-expect-lint: data-race progress
// weft-expect-lint: data-race heartbeat
//
// Deliberately unsynchronised diagnostics, told to ThreadSanitizer with the ignore annotations:
// a monitor peeks at a worker's progress with its reads ignored (AnnotateIgnoreReadsBegin/End),
// and the worker stamps a heartbeat that the monitor also peeks at, with its writes ignored
// (AnnotateIgnoreWritesBegin/End). The twin without them: races/unannotated_ignore_accesses.cpp.
//
// weft lint does not read TSan's annotations, so it reports this race here: the
// annotations are compiled only under -fsanitize=thread.
#include <atomic>
#include <thread>

#if defined(__SANITIZE_THREAD__)
#define TSAN_ANNOTATIONS 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define TSAN_ANNOTATIONS 1
#endif
#endif

#ifdef TSAN_ANNOTATIONS
extern "C" {
void AnnotateIgnoreReadsBegin(const char *file, int line);
void AnnotateIgnoreReadsEnd(const char *file, int line);
void AnnotateIgnoreWritesBegin(const char *file, int line);
void AnnotateIgnoreWritesEnd(const char *file, int line);
}
#define IGNORE_READS_BEGIN() AnnotateIgnoreReadsBegin(__FILE__, __LINE__)
#define IGNORE_READS_END() AnnotateIgnoreReadsEnd(__FILE__, __LINE__)
#define IGNORE_WRITES_BEGIN() AnnotateIgnoreWritesBegin(__FILE__, __LINE__)
#define IGNORE_WRITES_END() AnnotateIgnoreWritesEnd(__FILE__, __LINE__)
#else
#define IGNORE_READS_BEGIN()
#define IGNORE_READS_END()
#define IGNORE_WRITES_BEGIN()
#define IGNORE_WRITES_END()
#endif

int progress = 0;
int heartbeat = 0;
std::atomic<int> steps{0}; // relaxed: counts, orders nothing

void worker() {
  for (int i = 1; i <= 20; ++i) {
    progress = i;
    IGNORE_WRITES_BEGIN();
    heartbeat = i;
    IGNORE_WRITES_END();
    steps.fetch_add(1, std::memory_order_relaxed);
  }
}

int samples = 0; // the monitor's own

void monitor() {
  for (int i = 0; i < 20; ++i) {
    IGNORE_READS_BEGIN();
    samples += progress;
    IGNORE_READS_END();
    samples += heartbeat;
    std::this_thread::yield();
  }
}

int main() {
  std::thread a(worker);
  std::thread b(monitor);
  a.join();
  b.join();
  return samples >= 0 ? 0 : 1;
}
