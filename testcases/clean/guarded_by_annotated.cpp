// weft-expect: clean
//
// Clang thread-safety annotations honoured: every access to the GUARDED_BY / PT_GUARDED_BY
// state holds the declared lock, so neither tool may report anything.
#include <cassert>
#include <mutex>
#include <thread>

#if defined(__clang__)
#define GUARDED_BY(x) __attribute__((guarded_by(x)))
#define PT_GUARDED_BY(x) __attribute__((pt_guarded_by(x)))
#else
#define GUARDED_BY(x)
#define PT_GUARDED_BY(x)
#endif

class Tally {
public:
  explicit Tally(long *sink) : sink_(sink) {}
  void add(long v) {
    std::lock_guard<std::mutex> guard(mu_);
    count_ += 1;
    *sink_ += v;
  }
  long count() const {
    std::lock_guard<std::mutex> guard(mu_);
    return count_;
  }

private:
  mutable std::mutex mu_;
  long count_ GUARDED_BY(mu_) = 0;
  long *sink_ PT_GUARDED_BY(mu_);
};

int main() {
  long sum = 0;
  Tally tally(&sum);
  auto work = [&tally] {
    for (int i = 0; i < 100; ++i)
      tally.add(2);
  };
  std::thread a(work);
  std::thread b(work);
  a.join();
  b.join();
  assert(tally.count() == 200);
  assert(sum == 400);
  return 0;
}
