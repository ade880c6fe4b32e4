// weft-expect-run: double-lock
// weft-expect-lint: double-lock
//
// A spin lock described with the __tsan_mutex_* annotations is not reentrant (no
// __tsan_mutex_write_reentrant flag): an error path takes it a second time, which would spin
// forever; the runtime reports the re-lock instead.
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
void __tsan_mutex_create(void *addr, unsigned flags);
void __tsan_mutex_destroy(void *addr, unsigned flags);
void __tsan_mutex_pre_lock(void *addr, unsigned flags);
void __tsan_mutex_post_lock(void *addr, unsigned flags, int recursion);
int __tsan_mutex_pre_unlock(void *addr, unsigned flags);
void __tsan_mutex_post_unlock(void *addr, unsigned flags);
}
#define ANNOTATE(call) call
#else
#define ANNOTATE(call)
#endif
class SpinLock {
public:
  void lock() {
    ANNOTATE(__tsan_mutex_pre_lock(this, 0));
    while (locked_.exchange(true, std::memory_order_acquire))
      std::this_thread::yield();
    ANNOTATE(__tsan_mutex_post_lock(this, 0, 0));
  }
  void unlock() {
    ANNOTATE(__tsan_mutex_pre_unlock(this, 0));
    locked_.store(false, std::memory_order_release);
    ANNOTATE(__tsan_mutex_post_unlock(this, 0));
  }

private:
  std::atomic<bool> locked_{false};
};

SpinLock queue_lock;
int queued = 0;

void enqueue() {
  queue_lock.lock();
  ++queued;
  if (queued > 0) {
    queue_lock.lock();
    queued = 0;
  }
  queue_lock.unlock();
}

int main() {
  std::thread t(enqueue);
  t.join();
  return 0;
}
