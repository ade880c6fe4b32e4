// weft-expect-run: lock-order-inversion
// weft-expect-lint: lock-order-inversion
//
// Two spin locks described to ThreadSanitizer with the __tsan_mutex_* annotations are modelled
// as mutexes, so they take part in the lock graph: one thread takes them in one order, a later
// thread in the other. The threads never overlap, so this run cannot deadlock, but another
// interleaving of the same code could.
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

SpinLock accounts_lock;
SpinLock journal_lock;
int balance = 0;

void post_entry() {
  accounts_lock.lock();
  journal_lock.lock();
  ++balance;
  journal_lock.unlock();
  accounts_lock.unlock();
}

void replay_journal() {
  journal_lock.lock();
  accounts_lock.lock();
  --balance;
  accounts_lock.unlock();
  journal_lock.unlock();
}

int main() {
  std::thread a(post_entry);
  a.join();
  std::thread b(replay_journal);
  b.join();
  return balance;
}
