// weft-expect-run: clean
// weft-expect-lint: clean
//
// A spin lock that relies on x86's strong ordering (relaxed atomics; compiler barriers keep the
// critical section in place), so ThreadSanitizer cannot see that it orders anything; it says so
// with the __tsan_mutex_* annotations, and weft models it as a mutex. One thread locks, the other
// polls with try_lock. The twin without the annotations: races/unannotated_spinlock.cpp.
//
// weft lint takes the class for a lock and does not judge the memory orders inside it, so
// it reports nothing here or in the twin.
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
const unsigned kTryLock = 1 << 4, kTryLockFailed = 1 << 5; // sanitizer/tsan_interface.h

class SpinLock {
public:
  SpinLock() { ANNOTATE(__tsan_mutex_create(this, 0)); }
  ~SpinLock() { ANNOTATE(__tsan_mutex_destroy(this, 0)); }
  void lock() {
    ANNOTATE(__tsan_mutex_pre_lock(this, 0));
    while (locked_.exchange(true, std::memory_order_relaxed))
      std::this_thread::yield();
    std::atomic_signal_fence(std::memory_order_seq_cst);
    ANNOTATE(__tsan_mutex_post_lock(this, 0, 0));
  }
  bool try_lock() {
    ANNOTATE(__tsan_mutex_pre_lock(this, kTryLock));
    bool ok = !locked_.exchange(true, std::memory_order_relaxed);
    std::atomic_signal_fence(std::memory_order_seq_cst);
    ANNOTATE(__tsan_mutex_post_lock(this, ok ? kTryLock : kTryLock | kTryLockFailed, 0));
    return ok;
  }
  void unlock() {
    ANNOTATE(__tsan_mutex_pre_unlock(this, 0));
    std::atomic_signal_fence(std::memory_order_seq_cst);
    locked_.store(false, std::memory_order_relaxed);
    ANNOTATE(__tsan_mutex_post_unlock(this, 0));
  }

private:
  std::atomic<bool> locked_{false};
};

SpinLock spin;
int counter = 0;

void locker() {
  for (int i = 0; i < 100; ++i) {
    spin.lock();
    ++counter;
    spin.unlock();
  }
}

void poller() {
  for (int i = 0; i < 100; ++i) {
    while (!spin.try_lock())
      std::this_thread::yield();
    ++counter;
    spin.unlock();
  }
}

int main() {
  std::thread a(locker);
  std::thread b(poller);
  a.join();
  b.join();
  assert(counter == 200);
  return 0;
}
