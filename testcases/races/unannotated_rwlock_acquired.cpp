// weft-expect-run: data-race Config::version|Config::timeout_ms|config
// weft-expect-lint: clean
//
// clean/annotated_rwlock_acquired.cpp without its annotations:
// the lock's relaxed atomics order nothing, so the writer's stores to `config`
// race with the readers' loads.
//
// weft lint takes the class for a lock and does not judge the memory orders inside it, so
// it reports nothing here or in the annotated program.
#include <atomic>
#include <cassert>
#include <thread>

class RwLock {
public:
  void lock() {
    while (writer_.exchange(true, std::memory_order_relaxed))
      std::this_thread::yield();
    while (readers_.load(std::memory_order_relaxed) != 0)
      std::this_thread::yield();
    std::atomic_signal_fence(std::memory_order_seq_cst);
  }
  void unlock() {
    std::atomic_signal_fence(std::memory_order_seq_cst);
    writer_.store(false, std::memory_order_relaxed);
  }
  void lock_shared() {
    readers_.fetch_add(1, std::memory_order_relaxed);
    while (writer_.load(std::memory_order_relaxed)) { // a writer wants in: step back
      readers_.fetch_sub(1, std::memory_order_relaxed);
      while (writer_.load(std::memory_order_relaxed))
        std::this_thread::yield();
      readers_.fetch_add(1, std::memory_order_relaxed);
    }
    std::atomic_signal_fence(std::memory_order_seq_cst);
  }
  void unlock_shared() {
    std::atomic_signal_fence(std::memory_order_seq_cst);
    readers_.fetch_sub(1, std::memory_order_relaxed);
  }

private:
  std::atomic<bool> writer_{false};
  std::atomic<int> readers_{0};
};

struct Config {
  int version;
  int timeout_ms;
};

RwLock config_lock;
Config config{0, 0};

void reload() {
  for (int version = 1; version <= 10; ++version) {
    config_lock.lock();
    config.version = version;
    config.timeout_ms = version * 100;
    config_lock.unlock();
  }
}

int serve() {
  int served = 0;
  for (int i = 0; i < 10; ++i) {
    config_lock.lock_shared();
    assert(config.timeout_ms == config.version * 100);
    served += config.version > 0;
    config_lock.unlock_shared();
  }
  return served;
}

int main() {
  std::thread w(reload);
  std::thread r(serve);
  int served = serve();
  w.join();
  r.join();
  return served <= 10 ? 0 : 1;
}
