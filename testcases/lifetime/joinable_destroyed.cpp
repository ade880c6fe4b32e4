// weft-expect-lint: joinable-thread-destroyed
// weft-expect-run: assertion-failure|crash
//
// A std::thread that is still joinable is destroyed at the end of its scope: std::terminate,
// which aborts the program.
#include <atomic>
#include <thread>

std::atomic<int> done{0};

void work() { done.fetch_add(1); }

void start() { std::thread worker(work); }

int main() {
  start();
  return 0;
}
