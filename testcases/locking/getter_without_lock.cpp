// weft-expect: data-race Counter::value_
//
// Inconsistent locking: the increment takes the lock, the getter does not.
#include <cstdio>
#include <mutex>
#include <thread>

class Counter {
public:
  void increment() {
    std::lock_guard<std::mutex> guard(mutex_);
    ++value_;
  }
  int get() const { return value_; }

private:
  mutable std::mutex mutex_;
  int value_ = 0;
};

int main() {
  Counter counter;
  long observed = 0;
  std::thread writer([&counter] {
    for (int i = 0; i < 100; ++i)
      counter.increment();
  });
  std::thread reader([&counter, &observed] {
    for (int i = 0; i < 100; ++i)
      observed += counter.get();
  });
  writer.join();
  reader.join();
  std::printf("%d\n", observed >= 0 ? 1 : 0);
  return 0;
}
