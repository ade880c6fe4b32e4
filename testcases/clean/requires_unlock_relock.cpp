// weft-expect: clean
//
// A function that must be called with the lock held lets it go around slow work and takes it
// again before it returns (leveldb's DBImpl::RemoveObsoleteFiles under
// EXCLUSIVE_LOCKS_REQUIRED(mutex_)). The lock it re-takes is its caller's: nothing leaks, and the
// caller still holds it afterwards. The lock is the project's own annotated wrapper class.
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

Mutex mutex;
int pending = 0;
int removed = 0;

void removeObsolete() __attribute__((requires_capability(mutex)));
void removeObsolete() {
  int todo = pending;
  pending = 0;
  mutex.Unlock();
  int done = todo; // slow work (file removal) without the lock
  mutex.Lock();
  removed += done;
}

void compact() {
  mutex.Lock();
  pending += 2;
  removeObsolete();
  pending += 1; // still under the caller's lock
  mutex.Unlock();
}

int main() {
  std::thread a(compact);
  std::thread b(compact);
  a.join();
  b.join();
  assert(removed + pending == 6);
  return 0;
}
