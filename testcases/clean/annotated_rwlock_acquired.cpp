// weft-expect-run: clean
// weft-expect-lint: clean
//
// A writer-preferring reader-writer lock from a writer flag and a reader count, on relaxed
// atomics (their locked instructions order enough on x86, not in the C++ model); its own code is
// not annotated, its acquisitions and releases are announced after the fact with the dynamic
// annotations AnnotateRWLockCreate/Acquired/Released/Destroy. The twin without them:
// races/unannotated_rwlock_acquired.cpp.
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
void AnnotateRWLockCreate(const char *file, int line, const volatile void *lock);
void AnnotateRWLockDestroy(const char *file, int line, const volatile void *lock);
void AnnotateRWLockAcquired(const char *file, int line, const volatile void *lock, long is_w);
void AnnotateRWLockReleased(const char *file, int line, const volatile void *lock, long is_w);
}
#define ANNOTATE(name, ...) Annotate##name(__FILE__, __LINE__, __VA_ARGS__)
#else
#define ANNOTATE(name, ...)
#endif

class RwLock {
public:
  RwLock() { ANNOTATE(RWLockCreate, this); }
  ~RwLock() { ANNOTATE(RWLockDestroy, this); }
  void lock() {
    while (writer_.exchange(true, std::memory_order_relaxed))
      std::this_thread::yield();
    while (readers_.load(std::memory_order_relaxed) != 0)
      std::this_thread::yield();
    std::atomic_signal_fence(std::memory_order_seq_cst);
    ANNOTATE(RWLockAcquired, this, 1);
  }
  void unlock() {
    ANNOTATE(RWLockReleased, this, 1);
    std::atomic_signal_fence(std::memory_order_seq_cst);
    writer_.store(false, std::memory_order_relaxed);
  }
  void lock_shared() {
    readers_.fetch_add(1, std::memory_order_relaxed);
    while (writer_.load(std::memory_order_relaxed)) { // a writer wants in: step back
      readers_.fetch_sub(1, std::memory_order_relaxed);
      while (writer_.load(std::memory_order_relaxed))
        std::this_thread::yield();
      readers_.fetch_add(1, std::memory_order_relaxed);
    }
    std::atomic_signal_fence(std::memory_order_seq_cst);
    ANNOTATE(RWLockAcquired, this, 0);
  }
  void unlock_shared() {
    ANNOTATE(RWLockReleased, this, 0);
    std::atomic_signal_fence(std::memory_order_seq_cst);
    readers_.fetch_sub(1, std::memory_order_relaxed);
  }

private:
  std::atomic<bool> writer_{false};
  std::atomic<int> readers_{0};
};

struct Config {
  int version;
  int timeout_ms;
};

RwLock config_lock;
Config config{0, 0};

void reload() {
  for (int version = 1; version <= 10; ++version) {
    config_lock.lock();
    config.version = version;
    config.timeout_ms = version * 100;
    config_lock.unlock();
  }
}

int serve() {
  int served = 0;
  for (int i = 0; i < 10; ++i) {
    config_lock.lock_shared();
    assert(config.timeout_ms == config.version * 100);
    served += config.version > 0;
    config_lock.unlock_shared();
  }
  return served;
}

int main() {
  std::thread w(reload);
  std::thread r(serve);
  int served = serve();
  w.join();
  r.join();
  return served <= 10 ? 0 : 1;
}
