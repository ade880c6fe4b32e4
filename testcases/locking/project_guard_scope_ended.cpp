// weft-expect: data-race requests
//
// The unannotated Mutex and MutexLock of clean/project_guard_class.cpp, but the guarded thread
// counts after the guard's scope has ended: its destructor has already unlocked the mutex.
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
    {
      MutexLock lock(&mu);
    }
    ++requests; // the guard is gone
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
