// weft-expect: data-race hits
//
// As clean/guard_unlock_relock, but the counter is also updated in the window where the guard's
// mutex is unlocked by hand: that update is unprotected.
#include <mutex>
#include <thread>

class __attribute__((capability("mutex"))) Mutex {
public:
  void Lock() __attribute__((acquire_capability())) { mu_.lock(); }
  void Unlock() __attribute__((release_capability())) { mu_.unlock(); }

private:
  std::mutex mu_;
};

class __attribute__((scoped_lockable)) MutexLock {
public:
  explicit MutexLock(Mutex *mu) __attribute__((acquire_capability(mu))) : mu_(mu) { mu_->Lock(); }
  ~MutexLock() __attribute__((release_capability())) { mu_->Unlock(); }
  MutexLock(const MutexLock &) = delete;
  MutexLock &operator=(const MutexLock &) = delete;

private:
  Mutex *const mu_;
};

Mutex mutex;
long hits = 0;

void lookup() {
  MutexLock lock(&mutex);
  hits += 1;
  mutex.Unlock();
  hits += 1; // weft-line: data-race
  mutex.Lock();
}

int main() {
  std::thread a(lookup);
  std::thread b(lookup);
  a.join();
  b.join();
  return 0;
}
