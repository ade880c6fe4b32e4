// weft-expect-run: clean
// weft-expect-lint: data-race lookups
//
// A statistics counter bumped without the lock on purpose (an approximate count is fine), and
// said so with AnnotateBenignRaceSized; the work itself is done under the mutex. The twin without
// the annotation: races/unannotated_benign_race.cpp.
//
// weft lint does not read TSan's annotations, so it reports this race here: the
// annotations are compiled only under -fsanitize=thread.
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
extern "C" void AnnotateBenignRaceSized(const char *file, int line, const volatile void *addr,
                                        long size, const char *description);
#define BENIGN_RACE(addr, description)                                                             \
  AnnotateBenignRaceSized(__FILE__, __LINE__, addr, sizeof(*(addr)), description)
#else
#define BENIGN_RACE(addr, description)
#endif

std::mutex queue_mu;
int queue_length = 0;
long lookups = 0; // statistics only

void worker() {
  for (int i = 0; i < 50; ++i) {
    ++lookups;
    std::lock_guard<std::mutex> guard(queue_mu);
    ++queue_length;
  }
}

int main() {
  BENIGN_RACE(&lookups, "approximate statistics");
  std::thread a(worker);
  std::thread b(worker);
  a.join();
  b.join();
  return queue_length == 100 ? 0 : 1;
}
