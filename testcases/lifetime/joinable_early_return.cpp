// weft-expect-lint: joinable-thread-destroyed
// weft-expect-run: assertion-failure|crash
//
// The thread is joined on the normal path only; an early return destroys it while joinable.
#include <atomic>
#include <thread>

std::atomic<int> loaded{0};

void load() { loaded.fetch_add(1); }

bool validate(int batch) { return batch % 7 != 3; }

int process(int batch) {
  std::thread loader(load);
  if (!validate(batch))
    return -1;
  loader.join();
  return loaded.load();
}

int main() { return process(10) == 1 ? 0 : 1; }
