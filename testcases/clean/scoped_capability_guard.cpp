// weft-expect: clean
//
// The project's own RAII guard, annotated as Clang's thread-safety analysis expects (leveldb's
// MutexLock): a SCOPED_CAPABILITY class whose constructor is ACQUIRE(mu) and whose destructor
// RELEASE()s it. Every access to `hits` is inside such a guard's scope.
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

void record() {
  MutexLock lock(&mutex);
  ++hits;
}

int main() {
  std::thread a(record);
  std::thread b(record);
  a.join();
  b.join();
  MutexLock lock(&mutex);
  assert(hits == 2);
  return 0;
}
