// Blocking I/O the runtime does not model (read, write, poll, select, accept, connect, recv*,
// send*, epoll_wait, waitpid): when the call would block (a zero-timeout poll says the fd is not
// ready), the thread puts the baton down around the call so the others still run; when it would not
// block, it is called directly, keeping the schedule deterministic. Writes release the
// descriptor's channel and reads that returned data acquire it (fd_channels.h).
#include "core/scheduler.h"
#include "interceptors/fd_channels.h"
#include "detectors/detectors.h"
#include "interceptors/interceptor.h"
#include "internal/syscall.h"
#include <errno.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

namespace weft {
namespace {

bool ready(int fd, short events) {
  struct pollfd p = {fd, events, 0};
  long r = sys::call6(sys::kPoll, (long)&p, 1, 0);
  return r != 0; // ready, or an error the real call will report at once
}

/// Runs `call` with the baton released when `would_block`.
template <class F> auto around(ThreadState *t, bool would_block, F call) {
  if (!would_block) return call();
  int saved;
  io_enter(t);
  auto r = call();
  saved = errno;
  io_exit(t);
  errno = saved;
  return r;
}

} // namespace
} // namespace weft

using namespace weft;

/// `done`: what the call did when it returned `r` (a write released before it ran).
#define WEFT_IO_THEN(name, fd, events, done, ...)                                                   \
  ThreadState *t = active_thread();                                                                 \
  if (!t) return WEFT_REAL(name)(__VA_ARGS__);                                                      \
  RtScope scope(t, WEFT_RET_PC());                                                                  \
  if (events == POLLOUT) fd_release(t, fd);                                                         \
  auto r = around(t, !ready(fd, events), [&] { return WEFT_REAL(name)(__VA_ARGS__); });             \
  if (events == POLLIN && r >= 0) done;                                                             \
  return r;

#define WEFT_IO(name, fd, events, ...)                                                              \
  WEFT_IO_THEN(name, fd, events, if (r > 0) fd_acquire(t, fd), __VA_ARGS__)

WEFT_INTERCEPTOR(ssize_t, read, int fd, void *buf, size_t n) { WEFT_IO(read, fd, POLLIN, fd, buf, n) }
WEFT_INTERCEPTOR(ssize_t, readv, int fd, const struct iovec *v, int n) { WEFT_IO(readv, fd, POLLIN, fd, v, n) }
WEFT_INTERCEPTOR(ssize_t, write, int fd, const void *buf, size_t n) { WEFT_IO(write, fd, POLLOUT, fd, buf, n) }
WEFT_INTERCEPTOR(ssize_t, writev, int fd, const struct iovec *v, int n) { WEFT_IO(writev, fd, POLLOUT, fd, v, n) }
WEFT_INTERCEPTOR(ssize_t, recv, int fd, void *buf, size_t n, int f) { WEFT_IO(recv, fd, POLLIN, fd, buf, n, f) }
WEFT_INTERCEPTOR(ssize_t, recvfrom, int fd, void *buf, size_t n, int f, struct sockaddr *a, socklen_t *al) {
  WEFT_IO(recvfrom, fd, POLLIN, fd, buf, n, f, a, al)
}
WEFT_INTERCEPTOR(ssize_t, recvmsg, int fd, struct msghdr *m, int f) { WEFT_IO(recvmsg, fd, POLLIN, fd, m, f) }
WEFT_INTERCEPTOR(ssize_t, send, int fd, const void *buf, size_t n, int f) { WEFT_IO(send, fd, POLLOUT, fd, buf, n, f) }
WEFT_INTERCEPTOR(ssize_t, sendto, int fd, const void *buf, size_t n, int f, const struct sockaddr *a, socklen_t al) {
  WEFT_IO(sendto, fd, POLLOUT, fd, buf, n, f, a, al)
}
WEFT_INTERCEPTOR(ssize_t, sendmsg, int fd, const struct msghdr *m, int f) { WEFT_IO(sendmsg, fd, POLLOUT, fd, m, f) }
// A connection: connect releases, accept acquires (every socket is one channel).
#define WEFT_ACCEPTED (fd_acquire(t, fd), fd_channel_socket(r))
WEFT_INTERCEPTOR(int, accept, int fd, struct sockaddr *a, socklen_t *al) {
  WEFT_IO_THEN(accept, fd, POLLIN, WEFT_ACCEPTED, fd, a, al)
}
WEFT_INTERCEPTOR(int, accept4, int fd, struct sockaddr *a, socklen_t *al, int f) {
  WEFT_IO_THEN(accept4, fd, POLLIN, WEFT_ACCEPTED, fd, a, al, f)
}
WEFT_INTERCEPTOR(int, connect, int fd, const struct sockaddr *a, socklen_t al) {
  ThreadState *t = active_thread();
  if (!t) return WEFT_REAL(connect)(fd, a, al);
  RtScope scope(t, WEFT_RET_PC());
  fd_release(t, fd);
  return around(t, true, [&] { return WEFT_REAL(connect)(fd, a, al); });
}
// glibc's eventfd_read/eventfd_write call read/write inside libc, where no interposition reaches.
WEFT_INTERCEPTOR(int, eventfd_read, int fd, eventfd_t *value) {
  WEFT_IO_THEN(eventfd_read, fd, POLLIN, if (r == 0) fd_acquire(t, fd), fd, value)
}
WEFT_INTERCEPTOR(int, eventfd_write, int fd, eventfd_t value) {
  WEFT_IO_THEN(eventfd_write, fd, POLLOUT, (void)0, fd, value)
}

WEFT_INTERCEPTOR(int, poll, struct pollfd *fds, nfds_t n, int timeout) {
  ThreadState *t = active_thread();
  if (!t || timeout == 0) return WEFT_REAL(poll)(fds, n, timeout);
  RtScope scope(t, WEFT_RET_PC());
  int r = WEFT_REAL(poll)(fds, n, 0);
  if (r != 0) return r;
  return around(t, true, [&] { return WEFT_REAL(poll)(fds, n, timeout); });
}

WEFT_INTERCEPTOR(int, select, int n, fd_set *r, fd_set *w, fd_set *e, struct timeval *tv) {
  ThreadState *t = active_thread();
  if (!t || (tv && tv->tv_sec == 0 && tv->tv_usec == 0)) return WEFT_REAL(select)(n, r, w, e, tv);
  RtScope scope(t, WEFT_RET_PC());
  return around(t, true, [&] { return WEFT_REAL(select)(n, r, w, e, tv); });
}

WEFT_INTERCEPTOR(int, epoll_wait, int ep, struct epoll_event *ev, int max, int timeout) {
  ThreadState *t = active_thread();
  if (!t || timeout == 0) return WEFT_REAL(epoll_wait)(ep, ev, max, timeout);
  RtScope scope(t, WEFT_RET_PC());
  int r = WEFT_REAL(epoll_wait)(ep, ev, max, 0);
  if (r != 0) return r;
  return around(t, true, [&] { return WEFT_REAL(epoll_wait)(ep, ev, max, timeout); });
}

WEFT_INTERCEPTOR(pid_t, waitpid, pid_t pid, int *status, int options) {
  ThreadState *t = active_thread();
  if (!t || (options & WNOHANG)) return WEFT_REAL(waitpid)(pid, status, options);
  RtScope scope(t, WEFT_RET_PC());
  return around(t, true, [&] { return WEFT_REAL(waitpid)(pid, status, options); });
}
