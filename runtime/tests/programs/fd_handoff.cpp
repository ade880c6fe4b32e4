// Issue 14 item 9: a byte through a descriptor orders the writer's earlier accesses before the
// reader's later ones. The worker fills `payload`, then sends one byte (or an eventfd count);
// main waits for it, then reads `payload`. Modes: pipe, socketpair, eventfd, dup (the byte goes
// through a dup2'ed copy of the write end), early (main reads `payload` before waiting: a race).
#include <cassert>
#include <cstring>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

int payload = 0;

int main(int argc, char **argv) {
  const char *mode = argc > 1 ? argv[1] : "pipe";
  int fds[2];
  if (std::strcmp(mode, "socketpair") == 0) {
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, fds) != 0)
      return 2;
  } else if (std::strcmp(mode, "eventfd") == 0) {
    fds[0] = fds[1] = eventfd(0, 0);
    if (fds[0] < 0)
      return 2;
  } else {
    if (pipe(fds) != 0)
      return 2;
    if (std::strcmp(mode, "dup") == 0) {
      int copy = dup(fds[1]);
      if (copy < 0 || dup2(copy, fds[1] + 10) < 0)
        return 2;
      close(fds[1]);
      close(copy);
      fds[1] += 10;
    }
  }
  const bool counter = std::strcmp(mode, "eventfd") == 0;
  std::thread worker([&] {
    payload = 42;
    if (counter) {
      eventfd_write(fds[1], 1);
    } else {
      char c = 'x';
      if (write(fds[1], &c, 1) != 1)
        payload = -1;
    }
  });
  int early = std::strcmp(mode, "early") == 0 ? payload : 0;
  if (counter) {
    eventfd_t n;
    if (eventfd_read(fds[0], &n) != 0)
      return 3;
  } else {
    char c;
    if (read(fds[0], &c, 1) != 1)
      return 3;
  }
  int seen = payload;
  worker.join();
  assert(seen == 42);
  return early == 7 ? 4 : 0;
}
