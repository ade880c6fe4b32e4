// weft-expect: data-race hits
//
// The project's own SCOPED_CAPABILITY guard (as in clean/scoped_capability_guard) protects what
// is inside its scope only: the second update comes after the guard's scope has ended.
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
  {
    MutexLock lock(&mutex);
    ++hits;
  }
  ++hits; // weft-line: data-race
}

int main() {
  std::thread a(record);
  std::thread b(record);
  a.join();
  b.join();
  return 0;
}
