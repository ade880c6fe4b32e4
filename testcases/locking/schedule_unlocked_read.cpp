// weft-expect: data-race DB::compactions_
//
// Background work handed to an environment, as leveldb does it: DB calls the abstract
// Env::Schedule(&DB::BGWork, this); the one Env of the program pushes {function, arg} onto a
// queue under its mutex and a background thread pops each item and calls it. The background
// work updates `compactions_` under the DB's mutex, but Stats() reads it without the mutex.
#include <condition_variable>
#include <mutex>
#include <queue>
#include <thread>

class Env {
public:
  virtual ~Env() = default;
  virtual void Schedule(void (*function)(void *), void *arg) = 0;
};

class ThreadEnv : public Env {
public:
  void Schedule(void (*function)(void *), void *arg) override {
    std::lock_guard<std::mutex> lock(mu_);
    if (!started_) {
      started_ = true;
      std::thread(&ThreadEnv::Main, this).detach();
    }
    queue_.emplace(function, arg);
    cv_.notify_one();
  }

private:
  struct Item {
    Item(void (*f)(void *), void *a) : function(f), arg(a) {}
    void (*function)(void *);
    void *arg;
  };
  void Main() {
    for (;;) {
      std::unique_lock<std::mutex> lock(mu_);
      cv_.wait(lock, [this] { return !queue_.empty(); });
      auto function = queue_.front().function;
      void *arg = queue_.front().arg;
      queue_.pop();
      lock.unlock();
      function(arg);
    }
  }
  std::mutex mu_;
  std::condition_variable cv_;
  bool started_ = false;
  std::queue<Item> queue_;
};

class DB {
public:
  explicit DB(Env *env) : env_(env) {}
  void Compact() {
    std::lock_guard<std::mutex> lock(mu_);
    env_->Schedule(&DB::BGWork, this);
  }
  long Stats() { return compactions_; }

private:
  static void BGWork(void *db) { reinterpret_cast<DB *>(db)->BackgroundCall(); }
  void BackgroundCall() {
    std::lock_guard<std::mutex> lock(mu_);
    compactions_ += 1;
  }
  Env *const env_;
  std::mutex mu_;
  long compactions_ = 0;
};

int main() {
  static ThreadEnv env;
  static DB db(&env);
  db.Compact();
  while (db.Stats() == 0) // until the background work has run
    std::this_thread::yield();
  return 0;
}
