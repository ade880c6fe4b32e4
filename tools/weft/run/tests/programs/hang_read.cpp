// A hang in a system call weft does not model: a worker reads a pipe nobody writes.
#include <thread>
#include <unistd.h>

int main() {
  int fds[2];
  if (pipe(fds) != 0)
    return 1;
  std::thread t([&] {
    char c;
    return read(fds[0], &c, 1);
  });
  t.join();
  return 0;
}
