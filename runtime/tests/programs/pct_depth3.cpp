// A depth-3 ordering bug (issue 14): main samples `state` twice under the lock, the worker changes
// it twice under the lock, and the assertion fails only for sample < change < sample < change. PCT
// finds it only if main is preempted after its first sample and the worker, preempted later after
// its first change, ends up *below* main: the later change point must give the lower priority,
// which PCT with change points labelled in time order never does.
#include <cassert>
#include <mutex>
#include <thread>

static std::mutex mu;
static int state; // guarded by mu

static int sample() {
  std::lock_guard<std::mutex> g(mu);
  return state;
}

int main() {
  std::thread worker([] {
    for (int v = 1; v <= 2; ++v) {
      std::lock_guard<std::mutex> g(mu);
      state = v;
    }
  });
  int first = sample();
  int second = sample();
  worker.join();
  assert(!(first == 0 && second == 1) && "main sampled between the worker's two changes");
  return 0;
}
