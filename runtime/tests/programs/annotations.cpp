// TSan's annotations exercised one way per WEFT_MODE (run_scenario.py's `annotations`). A spin lock
// described with __tsan_mutex_*: deadlock (opposite orders, overlapping), recursive
// (write_reentrant, recursive_unlock / recursive_lock), unlock_not_held, destroy_held, divert (a
// pthread mutex taken inside a divert), signal, behind_back (the lock word taken without the
// annotations: the annotated locker's spin must still give way and finish). Benign ranges:
// benign_reuse (a block's benign range dies with the block: the same block handed out again
// races), benign_many (more ranges than the table keeps: the oldest is forgotten first).
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <pthread.h>
#include <thread>

extern "C" {
void __tsan_mutex_create(void *addr, unsigned flags);
void __tsan_mutex_destroy(void *addr, unsigned flags);
void __tsan_mutex_pre_lock(void *addr, unsigned flags);
void __tsan_mutex_post_lock(void *addr, unsigned flags, int recursion);
int __tsan_mutex_pre_unlock(void *addr, unsigned flags);
void __tsan_mutex_post_unlock(void *addr, unsigned flags);
void __tsan_mutex_pre_signal(void *addr, unsigned flags);
void __tsan_mutex_post_signal(void *addr, unsigned flags);
void __tsan_mutex_pre_divert(void *addr, unsigned flags);
void __tsan_mutex_post_divert(void *addr, unsigned flags);
void AnnotateBenignRaceSized(const char *file, int line, const volatile void *addr, long size,
                             const char *description);
}

// sanitizer/tsan_interface.h
const unsigned kWriteReentrant = 1 << 1, kRecursiveLock = 1 << 6, kRecursiveUnlock = 1 << 7;

struct SpinLock {
  std::atomic<int> word{0};
  unsigned flags = 0;
  void lock() {
    __tsan_mutex_pre_lock(this, flags);
    while (word.exchange(1, std::memory_order_relaxed))
      std::this_thread::yield();
    __tsan_mutex_post_lock(this, flags, 0);
  }
  void unlock() {
    __tsan_mutex_pre_unlock(this, flags);
    word.store(0, std::memory_order_relaxed);
    __tsan_mutex_post_unlock(this, flags);
  }
};

SpinLock a, b;
pthread_mutex_t profiler = PTHREAD_MUTEX_INITIALIZER;
int shared_value = 0;

void deadlock() {
  std::thread t1([] {
    a.lock();
    b.lock();
    b.unlock();
    a.unlock();
  });
  std::thread t2([] {
    b.lock();
    a.lock();
    a.unlock();
    b.unlock();
  });
  t1.join();
  t2.join();
}

void recursive() {
  a.flags = kWriteReentrant;
  __tsan_mutex_create(&a, kWriteReentrant);
  std::thread t([] {
    a.lock();
    __tsan_mutex_pre_lock(&a, 0); // the second level: the real word is ours already
    __tsan_mutex_post_lock(&a, 0, 0);
    ++shared_value;
    // A monitor wait: release every level, then take them back.
    int levels = __tsan_mutex_pre_unlock(&a, kRecursiveUnlock);
    a.word.store(0, std::memory_order_relaxed);
    __tsan_mutex_post_unlock(&a, kRecursiveUnlock);
    if (levels != 2)
      abort();
    __tsan_mutex_pre_lock(&a, 0);
    while (a.word.exchange(1, std::memory_order_relaxed))
      std::this_thread::yield();
    __tsan_mutex_post_lock(&a, kRecursiveLock, levels);
    ++shared_value;
    a.unlock();
    a.unlock();
  });
  a.lock();
  ++shared_value;
  a.unlock();
  t.join();
}

void unlock_not_held() {
  std::thread t([] { a.unlock(); });
  t.join();
}

void destroy_held() {
  std::thread t([] {
    a.lock();
    __tsan_mutex_destroy(&a, 0);
  });
  t.join();
}

void divert() {
  auto work = [] {
    __tsan_mutex_pre_lock(&a, 0);
    while (a.word.exchange(1, std::memory_order_relaxed))
      std::this_thread::yield();
    __tsan_mutex_pre_divert(&a, 0); // e.g. a contention profiler: checked and scheduled as usual
    pthread_mutex_lock(&profiler);
    ++shared_value;
    pthread_mutex_unlock(&profiler);
    __tsan_mutex_post_divert(&a, 0);
    __tsan_mutex_post_lock(&a, 0, 0);
    a.unlock();
  };
  std::thread t1(work), t2(work);
  t1.join();
  t2.join();
}

void signal() {
  std::atomic<int> waiters{0};
  std::thread t([&] {
    a.lock();
    __tsan_mutex_pre_signal(&a, 0);
    waiters.fetch_sub(1, std::memory_order_relaxed); // the lock's own wake-up code
    __tsan_mutex_post_signal(&a, 0);
    ++shared_value;
    a.unlock();
  });
  a.lock();
  ++shared_value;
  a.unlock();
  t.join();
}

void behind_back() {
  std::thread owner([] {
    while (a.word.exchange(1, std::memory_order_acquire)) // no annotation: the model never knows
      std::this_thread::yield();
    for (int i = 0; i < 3; ++i)
      std::this_thread::yield();
    a.word.store(0, std::memory_order_release);
  });
  std::thread locker([] {
    __tsan_mutex_pre_lock(&a, 0);
    while (a.word.exchange(1, std::memory_order_relaxed)) // a pure spin: no yield in it
      ;
    __tsan_mutex_post_lock(&a, 0, 0);
    a.unlock();
  });
  owner.join();
  locker.join();
}

/// Two threads increment *counter (a race unless it is benign).
void race_on(long *counter) {
  std::thread t1([counter] { ++*counter; });
  std::thread t2([counter] { ++*counter; });
  t1.join();
  t2.join();
}

void race_again(long *counter) { // another pair of pcs: reported on its own
  std::thread t1([counter] { ++*counter; });
  std::thread t2([counter] { ++*counter; });
  t1.join();
  t2.join();
}

void benign_reuse() {
  long *p = static_cast<long *>(malloc(sizeof(long)));
  *p = 0;
  AnnotateBenignRaceSized(__FILE__, __LINE__, p, sizeof *p, "statistics");
  race_on(p); // benign: not reported
  free(p);
  long *q = static_cast<long *>(malloc(sizeof(long)));
  if (q != p) // the scenario needs the allocator to hand the block out again
    exit(3);
  *q = 0;
  race_again(q); // a new life with no benign range: reported
  free(q);
}

long many[1100];

void benign_many() {
  for (long &slot : many)
    AnnotateBenignRaceSized(__FILE__, __LINE__, &slot, sizeof slot, "one of many");
  race_on(&many[1099]); // among the last 1,024: still benign
  race_again(&many[0]); // the oldest, forgotten: reported
}

int main() {
  const char *mode = getenv("WEFT_MODE");
  if (!mode)
    return 2;
  struct {
    const char *name;
    void (*run)();
  } modes[] = {{"deadlock", deadlock},
               {"recursive", recursive},
               {"unlock_not_held", unlock_not_held},
               {"destroy_held", destroy_held},
               {"divert", divert},
               {"signal", signal},
               {"behind_back", behind_back},
               {"benign_reuse", benign_reuse},
               {"benign_many", benign_many}};
  for (auto &m : modes)
    if (strcmp(m.name, mode) == 0) {
      m.run();
      return 0;
    }
  return 2;
}
