// Issue 14 item 5: a back-off loop. Each thread locks its first mutex, tries the second, and on
// failure lets go of the first and starts again; every fair schedule lets one of them through. The
// unlock that ends each failed attempt changes shared state, so a scheduler that counts any change
// as progress never sees the thread as spinning, and PCT (which keeps running its highest-priority
// thread) ran the two attempts in lockstep until the step bound and reported `livelock`.
#include <cassert>
#include <mutex>
#include <thread>

static std::mutex a, b;
static int done; // guarded by a and b together

static void both(std::mutex &first, std::mutex &second) {
  for (int round = 0; round < 3; ++round) {
    for (;;) {
      first.lock();
      if (second.try_lock()) {
        ++done;
        second.unlock();
        first.unlock();
        break;
      }
      first.unlock(); // back off and retry
    }
  }
}

int main() {
  std::thread t1([] { both(a, b); });
  std::thread t2([] { both(b, a); });
  t1.join();
  t2.join();
  assert(done == 6);
  return 0;
}
