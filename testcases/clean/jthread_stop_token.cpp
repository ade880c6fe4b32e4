// weft-expect: clean
//
// std::jthread with a stop_token: the flag is inside the stop state and is atomic; the loop is
// bounded so the program ends whether or not the stop arrives first.
#include <atomic>
#include <cassert>
#include <stop_token>
#include <thread>

std::atomic<int> ticks{0};

int main() {
  {
    std::jthread worker([](std::stop_token stop) {
      for (int i = 0; i < 1000 && !stop.stop_requested(); ++i)
        ticks.fetch_add(1);
    });
    worker.request_stop();
  }
  assert(ticks.load() <= 1000);
  return 0;
}
