// weft-expect: clean
//
// The project's own condition-variable class (leveldb's port::CondVar): Wait() waits once on the
// wrapped mutex, without a predicate, and the callers loop on their condition. The wait that
// needs a loop is the wrapper's call, and every call of it is inside one.
#include <cassert>
#include <condition_variable>
#include <mutex>
#include <thread>

class CondVar {
public:
  explicit CondVar(std::mutex *mu) : mu_(mu) {}
  void Wait() {
    std::unique_lock<std::mutex> lock(*mu_, std::adopt_lock);
    cv_.wait(lock);
    lock.release();
  }
  void SignalAll() { cv_.notify_all(); }

private:
  std::condition_variable cv_;
  std::mutex *const mu_;
};

std::mutex mu;
CondVar done_cv(&mu);
bool done = false;

void finish() {
  mu.lock();
  done = true;
  done_cv.SignalAll();
  mu.unlock();
}

int main() {
  std::thread t(finish);
  mu.lock();
  while (!done)
    done_cv.Wait();
  mu.unlock();
  t.join();
  assert(done);
  return 0;
}
