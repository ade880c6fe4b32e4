// weft-expect: clean
//
// Background work on one background thread, as leveldb's PosixEnv runs it: Schedule() starts
// the thread the first time it is called (`if (!started_) { started_ = true; ... }`, and no code
// ever clears the flag) and pushes {function, arg} onto a queue the thread pops. Two kinds of
// work, a compaction and a flush, both update the DB's statistics without a lock: they can only
// run one after the other, on that one thread. main waits for them under the DB's mutex.
#include <condition_variable>
#include <mutex>
#include <queue>
#include <thread>

class Env {
public:
  void Schedule(void (*function)(void *), void *arg) {
    std::lock_guard<std::mutex> lock(mu_);
    if (!started_) {
      started_ = true;
      std::thread(&Env::Main, this).detach();
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
  void Compact() { Start(&DB::BGCompact); }
  void Flush() { Start(&DB::BGFlush); }
  void WaitIdle() {
    std::unique_lock<std::mutex> lock(mu_);
    idle_.wait(lock, [this] { return pending_ == 0; });
  }

private:
  void Start(void (*work)(void *)) {
    std::lock_guard<std::mutex> lock(mu_);
    ++pending_;
    env_->Schedule(work, this);
  }
  static void BGCompact(void *db) { static_cast<DB *>(db)->Compaction(); }
  static void BGFlush(void *db) { static_cast<DB *>(db)->Flushing(); }
  void Compaction() {
    compactions_ += 1; // only the background thread touches the statistics
    bytes_moved_ += 4096;
    Done();
  }
  void Flushing() {
    bytes_moved_ += 512;
    Done();
  }
  void Done() {
    std::lock_guard<std::mutex> lock(mu_);
    if (--pending_ == 0)
      idle_.notify_all();
  }
  Env *const env_;
  std::mutex mu_;
  std::condition_variable idle_;
  int pending_ = 0;
  long compactions_ = 0;
  long bytes_moved_ = 0;
};

int main() {
  static Env env;
  static DB db(&env);
  db.Compact();
  db.Flush();
  db.Compact();
  db.WaitIdle();
  return 0;
}
