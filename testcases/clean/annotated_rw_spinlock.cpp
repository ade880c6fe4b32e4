// weft-expect-run: clean
// weft-expect-lint: clean
//
// A reader-writer spin lock on relaxed atomics (it leans on x86's ordering; compiler barriers
// keep the critical sections in place) described with the __tsan_mutex_* annotations, shared
// side with __tsan_mutex_read_lock: two readers and a writer of one table. The twin without the
// annotations: races/unannotated_rw_spinlock.cpp.
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
void __tsan_mutex_pre_lock(void *addr, unsigned flags);
void __tsan_mutex_post_lock(void *addr, unsigned flags, int recursion);
int __tsan_mutex_pre_unlock(void *addr, unsigned flags);
void __tsan_mutex_post_unlock(void *addr, unsigned flags);
}
#define ANNOTATE(call) call
#else
#define ANNOTATE(call)
#endif
const unsigned kReadLock = 1 << 3; // __tsan_mutex_read_lock, sanitizer/tsan_interface.h

class RwSpinLock {
public:
  void lock() {
    ANNOTATE(__tsan_mutex_pre_lock(this, 0));
    int expected = 0;
    while (!state_.compare_exchange_weak(expected, -1, std::memory_order_relaxed)) {
      expected = 0;
      std::this_thread::yield();
    }
    std::atomic_signal_fence(std::memory_order_seq_cst);
    ANNOTATE(__tsan_mutex_post_lock(this, 0, 0));
  }
  void unlock() {
    ANNOTATE(__tsan_mutex_pre_unlock(this, 0));
    std::atomic_signal_fence(std::memory_order_seq_cst);
    state_.store(0, std::memory_order_relaxed);
    ANNOTATE(__tsan_mutex_post_unlock(this, 0));
  }
  void lock_shared() {
    ANNOTATE(__tsan_mutex_pre_lock(this, kReadLock));
    for (;;) {
      int seen = state_.load(std::memory_order_relaxed);
      if (seen >= 0 && state_.compare_exchange_weak(seen, seen + 1, std::memory_order_relaxed))
        break;
      std::this_thread::yield();
    }
    std::atomic_signal_fence(std::memory_order_seq_cst);
    ANNOTATE(__tsan_mutex_post_lock(this, kReadLock, 0));
  }
  void unlock_shared() {
    ANNOTATE(__tsan_mutex_pre_unlock(this, kReadLock));
    std::atomic_signal_fence(std::memory_order_seq_cst);
    state_.fetch_sub(1, std::memory_order_relaxed);
    ANNOTATE(__tsan_mutex_post_unlock(this, kReadLock));
  }

private:
  std::atomic<int> state_{0}; // -1: a writer; n > 0: n readers
};

RwSpinLock table_lock;
int table[4];

void writer() {
  for (int round = 1; round <= 10; ++round) {
    table_lock.lock();
    for (int &cell : table)
      cell = round;
    table_lock.unlock();
  }
}

void reader() {
  for (int i = 0; i < 10; ++i) {
    table_lock.lock_shared();
    int first = table[0];
    for (int cell : table)
      assert(cell == first);
    table_lock.unlock_shared();
  }
}

int main() {
  std::thread w(writer);
  std::thread r1(reader);
  std::thread r2(reader);
  w.join();
  r1.join();
  r2.join();
  return 0;
}
