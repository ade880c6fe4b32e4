// weft-expect-lint: cv-wait-without-predicate
// weft-expect-run: deadlock
//
// The project's own condition-variable class, called once instead of in a loop: when the
// notifier runs first, its signal wakes nobody and the waiter then waits forever. The finding is
// at the call of Wait(), the wait the caller failed to guard.
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
  void Signal() { cv_.notify_one(); }

private:
  std::condition_variable cv_;
  std::mutex *const mu_;
};

std::mutex mu;
CondVar ready_cv(&mu);
bool ready = false;

void waiter() {
  mu.lock();
  ready_cv.Wait(); // weft-line: cv-wait-without-predicate
  mu.unlock();
}

void notifier() {
  mu.lock();
  ready = true;
  ready_cv.Signal();
  mu.unlock();
}

int main() {
  std::thread a(waiter);
  std::thread b(notifier);
  a.join();
  b.join();
  return ready ? 0 : 1;
}
