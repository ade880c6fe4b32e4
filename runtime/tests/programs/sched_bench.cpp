// Micro-benchmark of a scheduling point: N atomic operations on one thread (no switch possible:
// nobody else is enabled), then two threads alternating strictly through a yield (a switch at every
// point). Prints CPU ns per point for each. Run under the runtime (any strategy) and natively.
#include <atomic>
#include <cstdlib>
#include <ctime>
#include <cstdio>
#include <sched.h>
#include <thread>
std::atomic<long> n{0};
// CPU time of the process, not wall time: the machines this runs on are shared, and a hand-off's
// futex work is kernel time of this process.
static double now() {
  timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}
int main(int argc, char **argv) {
  long iters = argc > 1 ? std::atol(argv[1]) : 2000000;
  // A second thread exists (parked on a condition) so the race detector is on, as in real programs.
  std::atomic<bool> done{false};
  std::thread idle([&] { done.wait(false); });
  double t0 = now();
  for (long i = 0; i < iters; ++i) n.fetch_add(1, std::memory_order_relaxed);
  double t1 = now();
  std::printf("no-switch (atomic op + race check): %.2f ns/point (%ld points)\n", (t1 - t0) * 1e9 / iters, iters);
  double y0 = now();
  for (long i = 0; i < iters; ++i) sched_yield();
  double y1 = now();
  std::printf("no-switch (sched_yield, nothing else runnable): %.2f ns/point\n", (y1 - y0) * 1e9 / iters);
  long sw = iters / 20;
  std::atomic<long> turn{0};
  auto player = [&](long me) {
    for (long i = 0; i < sw; ++i) {
      while (turn.load() % 2 != me) sched_yield();
      turn.fetch_add(1);
    }
  };
  double t2 = now();
  std::thread a(player, 0), b(player, 1);
  a.join();
  b.join();
  double t3 = now();
  std::printf("switch: %.2f us/hand-off (%ld hand-offs)\n", (t3 - t2) * 1e6 / (2 * sw), 2 * sw);
  done.store(true);
  done.notify_all();
  idle.join();
  return 0;
}
