// weft-expect: data-race pending
//
// A function called with the lock held lets it go around slow work and takes it again, but
// touches the shared counter in between: that access is unprotected, though the function's
// caller holds the lock before and after the call.
#include <mutex>
#include <thread>

class __attribute__((capability("mutex"))) Mutex {
public:
  void Lock() __attribute__((acquire_capability())) { mu_.lock(); }
  void Unlock() __attribute__((release_capability())) { mu_.unlock(); }

private:
  std::mutex mu_;
};

Mutex mutex;
int pending = 0;

void flush() __attribute__((requires_capability(mutex)));
void flush() {
  mutex.Unlock();
  pending = 0; // weft-line: data-race
  mutex.Lock();
}

void work() {
  mutex.Lock();
  pending += 1;
  flush();
  mutex.Unlock();
}

int main() {
  std::thread a(work);
  std::thread b(work);
  a.join();
  b.join();
  return 0;
}
