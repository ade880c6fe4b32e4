// weft-expect: data-race hits
//
// The common header-only pool shape: enqueue(f) wraps the callable in a std::packaged_task
// behind a shared_ptr, pushes a lambda that runs it onto a queue of std::function<void()>, and
// returns the future; workers pop and run the lambdas. Two tasks update `hits` without a lock.
#include <condition_variable>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <queue>
#include <thread>
#include <vector>

class TaskPool {
public:
  explicit TaskPool(int n) {
    for (int i = 0; i < n; ++i)
      workers_.emplace_back([this] { run(); });
  }
  ~TaskPool() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    for (std::thread &t : workers_)
      t.join();
  }
  template <class F> std::future<void> enqueue(F &&f) {
    auto task = std::make_shared<std::packaged_task<void()>>(std::forward<F>(f));
    std::future<void> done = task->get_future();
    {
      std::lock_guard<std::mutex> lock(mu_);
      tasks_.emplace([task] { (*task)(); });
    }
    cv_.notify_one();
    return done;
  }

private:
  void run() {
    for (;;) {
      std::function<void()> task;
      {
        std::unique_lock<std::mutex> lock(mu_);
        cv_.wait(lock, [this] { return stop_ || !tasks_.empty(); });
        if (stop_ && tasks_.empty())
          return;
        task = std::move(tasks_.front());
        tasks_.pop();
      }
      task();
    }
  }
  std::vector<std::thread> workers_;
  std::queue<std::function<void()>> tasks_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
};

long hits = 0;

int main() {
  TaskPool pool(2);
  std::future<void> a = pool.enqueue([] { hits += 1; });
  std::future<void> b = pool.enqueue([] { hits += 2; });
  a.get();
  b.get();
  return hits == 3 ? 0 : 1;
}
