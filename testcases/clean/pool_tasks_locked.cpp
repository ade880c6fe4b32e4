// weft-expect: clean
//
// The thread pool of races/pool_task_race, with tasks that take a lock around the shared
// counter, and a setting written before the first task is submitted (the submission orders it
// before every task: a task is started by the pool only after it was pushed).
#include <condition_variable>
#include <functional>
#include <mutex>
#include <queue>
#include <thread>
#include <vector>

class Pool {
public:
  explicit Pool(int n) {
    for (int i = 0; i < n; ++i)
      workers_.emplace_back(&Pool::work, this);
  }
  ~Pool() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    for (std::thread &t : workers_)
      t.join();
  }
  void submit(std::function<void()> task) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      tasks_.push(std::move(task));
    }
    cv_.notify_one();
  }

private:
  void work() {
    for (;;) {
      std::function<void()> task;
      {
        std::unique_lock<std::mutex> lock(mu_);
        cv_.wait(lock, [this] { return stop_ || !tasks_.empty(); });
        if (tasks_.empty())
          return;
        task = std::move(tasks_.front());
        tasks_.pop();
      }
      task();
    }
  }
  std::mutex mu_;
  std::condition_variable cv_;
  std::queue<std::function<void()>> tasks_;
  bool stop_ = false;
  std::vector<std::thread> workers_;
};

std::mutex hits_mu;
long hits = 0;
long step = 0;

void count() {
  std::lock_guard<std::mutex> lock(hits_mu);
  hits += step;
}

int main() {
  Pool pool(2);
  step = 2;
  pool.submit(count);
  pool.submit(count);
  return 0;
}
