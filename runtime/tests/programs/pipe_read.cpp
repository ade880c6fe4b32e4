// A thread blocks in read() on a pipe (not modelled): the other threads must keep running, and one of
// them writes the byte that unblocks it. Expect: completes, exit 0.
#include <atomic>
#include <thread>
#include <unistd.h>
int main() {
  int fds[2];
  if (pipe(fds) != 0) return 2;
  std::atomic<int> work{0};
  std::thread reader([&] {
    char c;
    if (read(fds[0], &c, 1) != 1) work.store(-100);
  });
  std::thread worker([&] {
    for (int i = 0; i < 100; ++i) work.fetch_add(1);
    char c = 'x';
    if (write(fds[1], &c, 1) != 1) work.store(-200);
  });
  reader.join();
  worker.join();
  return work.load() == 100 ? 0 : 1;
}
