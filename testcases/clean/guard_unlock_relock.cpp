// weft-expect: clean
//
// A SCOPED_CAPABILITY guard whose mutex is unlocked by hand around slow work and locked again
// before the scope ends (leveldb's DBImpl::Get: `MutexLock l(&mutex_); ... mutex_.Unlock(); ...
// mutex_.Lock();`). The re-taken lock is the guard's again: its destructor releases it, nothing
// leaks, and the counter is only touched while it is held.
#include <cassert>
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

long lookup() {
  MutexLock lock(&mutex);
  long seen = hits;
  mutex.Unlock();
  long found = seen + 1; // slow work without the lock
  mutex.Lock();
  hits += 1;
  return found;
}

int main() {
  std::thread a(lookup);
  std::thread b(lookup);
  a.join();
  b.join();
  MutexLock lock(&mutex);
  assert(hits == 2);
  return 0;
}
