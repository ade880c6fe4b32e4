// weft-expect: data-race stop
//
// A plain bool used as a stop flag between threads (should be std::atomic<bool>). The worker's
// loop is bounded so the program ends even if the flag is never seen.
#include <cstdio>
#include <thread>

bool stop = false;

int main() {
  long work_done = 0;
  std::thread worker([&work_done] {
    for (int i = 0; i < 1000 && !stop; ++i)
      work_done += i;
  });
  stop = true; // weft-line: data-race
  worker.join();
  std::printf("%d\n", work_done >= 0 ? 1 : 0);
  return 0;
}
