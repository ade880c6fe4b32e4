// weft-expect-lint: detached-thread-captures-local
// weft-expect-run: clean
//
// A detached thread captures a local by reference and reads it after its owner's frame (here the
// whole spawning thread) is gone: undefined behaviour the static tool flags. The runtime cannot
// see it: the local is written before the detached thread starts, and nothing writes that stack
// memory afterwards (the spawner thread has exited; no later thread reuses its stack), so no
// interleaving has a race, an assertion failure or a crash.
#include <atomic>
#include <latch>
#include <thread>

std::latch done{1};
std::atomic<int> batches{0};

void spawner() {
  int limit = 3;
  std::thread([&limit] {
    for (int i = 0; i < limit; ++i)
      batches.fetch_add(1);
    done.count_down();
  }).detach();
}

int main() {
  std::thread s(spawner);
  s.join();
  done.wait();
  return 0;
}
