// weft-expect-run: data-race flushed
// weft-expect-lint: data-race flushed
// A detached worker and main's last statement (issue 14 item 4). The worker cannot run its write
// before main unlocks `mu`, and after the unlock main writes `flushed` and returns with no
// scheduling point in between: the worker's write comes only while the process exits. Unless
// exit is a scheduling point (other runnable threads may run before the process ends), no
// schedule ever shows the race.
#include <mutex>
#include <thread>

static std::mutex mu;
int flushed; // not static: a store nobody in this file reads must not be optimised away

int main() {
  mu.lock();
  std::thread([] {
    std::lock_guard<std::mutex> g(mu);
    flushed = 1;
  }).detach();
  mu.unlock();
  flushed = 2; // not under mu: races with the worker's write
  return 0;
}
