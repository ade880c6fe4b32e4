// weft-expect-lint: joinable-thread-destroyed
// weft-expect-run: assertion-failure|crash
//
// Move-assigning into a std::thread that still holds a running thread calls std::terminate.
#include <atomic>
#include <thread>

std::atomic<int> runs{0};

void work() { runs.fetch_add(1); }

int main() {
  std::thread worker(work);
  worker = std::thread(work);
  worker.join();
  return 0;
}
