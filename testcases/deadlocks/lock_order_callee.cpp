// weft-expect-lint: lock-order-inversion
// weft-expect-run: deadlock|lock-order-inversion
//
// The inversion is split across functions: the second lock of each order is taken in a callee.
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

int readState() {
  std::lock_guard<std::mutex> guard(state_mutex);
  return state;
}

void update() {
  std::lock_guard<std::mutex> guard(state_mutex);
  ++state;
  appendLog(); // state_mutex -> log_mutex
}

void flushLog() {
  std::lock_guard<std::mutex> guard(log_mutex);
  log_lines += readState(); // log_mutex -> state_mutex
}

int main() {
  std::thread a(update);
  std::thread b(flushLog);
  a.join();
  b.join();
  return 0;
}
