// weft-expect: clean
//
// The project's own mutex and guard classes, with no thread-safety annotations: a Mutex that
// wraps a pthread mutex (Lock()/Unlock()) and a MutexLock whose constructor locks the Mutex it
// is given and whose destructor unlocks it, as leveldb's port::Mutex and MutexLock are shaped
// without their annotations. One thread counts under the guard, the other by calling Lock() and
// Unlock() by hand: both hold the same pthread mutex.
#include <pthread.h>
#include <thread>

class Mutex {
public:
  Mutex() { pthread_mutex_init(&mu_, nullptr); }
  ~Mutex() { pthread_mutex_destroy(&mu_); }
  void Lock() { pthread_mutex_lock(&mu_); }
  void Unlock() { pthread_mutex_unlock(&mu_); }

private:
  pthread_mutex_t mu_;
};

class MutexLock {
public:
  explicit MutexLock(Mutex *mu) : mu_(mu) { mu_->Lock(); }
  ~MutexLock() { mu_->Unlock(); }

private:
  Mutex *const mu_;
};

Mutex mu;
long requests = 0;

void guarded() {
  for (int i = 0; i < 100; ++i) {
    MutexLock lock(&mu);
    ++requests;
  }
}

void by_hand() {
  for (int i = 0; i < 100; ++i) {
    mu.Lock();
    ++requests;
    mu.Unlock();
  }
}

int main() {
  std::thread a(guarded), b(by_hand);
  a.join();
  b.join();
  return requests == 200 ? 0 : 1;
}
