// weft-expect: data-race Inventory::count_
//
// Inconsistent locking on a write: one member function locks, another "fast path" does not.
#include <cassert>
#include <mutex>
#include <thread>

class Inventory {
public:
  void add(int n) {
    std::lock_guard<std::mutex> guard(mutex_);
    count_ += n;
  }
  void addFast(int n) {
    count_ += n; // weft-line: data-race
  }
  int count() {
    std::lock_guard<std::mutex> guard(mutex_);
    return count_;
  }

private:
  std::mutex mutex_;
  int count_ = 0;
};

int main() {
  Inventory inventory;
  std::thread a([&inventory] {
    for (int i = 0; i < 100; ++i)
      inventory.add(1);
  });
  std::thread b([&inventory] {
    for (int i = 0; i < 100; ++i)
      inventory.addFast(1);
  });
  a.join();
  b.join();
  assert(inventory.count() == 200);
  return 0;
}
