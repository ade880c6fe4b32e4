// weft-expect: clean
//
// Two locks, always taken in the same order (including through a callee): no cycle.
#include <cassert>
#include <mutex>
#include <thread>

std::mutex state_mutex;
std::mutex log_mutex;
int state = 0;
int log_lines = 0;

void appendLog() {
  std::lock_guard<std::mutex> guard(log_mutex);
  ++log_lines;
}

void update() {
  for (int i = 0; i < 20; ++i) {
    std::lock_guard<std::mutex> guard(state_mutex);
    ++state;
    appendLog();
  }
}

void snapshot() {
  for (int i = 0; i < 20; ++i) {
    std::lock_guard<std::mutex> g1(state_mutex);
    std::lock_guard<std::mutex> g2(log_mutex);
    assert(state == log_lines);
  }
}

int main() {
  std::thread a(update);
  std::thread b(snapshot);
  a.join();
  b.join();
  assert(state == 20);
  return 0;
}
