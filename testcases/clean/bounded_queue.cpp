// weft-expect: clean
//
// A correct bounded queue: one mutex, two condition variables, predicates on every wait; two
// producers and two consumers move 100 items through a queue of capacity 3.
#include <cassert>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <thread>

class BoundedQueue {
public:
  explicit BoundedQueue(std::size_t capacity) : capacity_(capacity) {}

  void push(int value) {
    std::unique_lock<std::mutex> lock(mutex_);
    not_full_.wait(lock, [this] { return items_.size() < capacity_; });
    items_.push_back(value);
    not_empty_.notify_one();
  }

  int pop() {
    std::unique_lock<std::mutex> lock(mutex_);
    not_empty_.wait(lock, [this] { return !items_.empty(); });
    int value = items_.front();
    items_.pop_front();
    not_full_.notify_one();
    return value;
  }

private:
  std::mutex mutex_;
  std::condition_variable not_full_;
  std::condition_variable not_empty_;
  std::deque<int> items_;
  std::size_t capacity_;
};

int main() {
  BoundedQueue queue(3);
  long sum_a = 0;
  long sum_b = 0;
  auto produce = [&queue](int first) {
    for (int i = first; i < first + 50; ++i)
      queue.push(i);
  };
  std::thread p1(produce, 0);
  std::thread p2(produce, 50);
  std::thread c1([&] {
    for (int i = 0; i < 50; ++i)
      sum_a += queue.pop();
  });
  std::thread c2([&] {
    for (int i = 0; i < 50; ++i)
      sum_b += queue.pop();
  });
  p1.join();
  p2.join();
  c1.join();
  c2.join();
  assert(sum_a + sum_b == 99 * 100 / 2);
  return 0;
}
