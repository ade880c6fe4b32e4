// Channels of file descriptors (see fd_channels.h): the table, and the calls that create, copy
// and close descriptors. Every access to the table is made holding the baton.
#include "interceptors/fd_channels.h"
#include "core/scheduler.h"
#include "core/sync.h"
#include "interceptors/interceptor.h"
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

namespace weft {
namespace {

/// Sync-object keys of channels: above every user address (not canonical on x86-64 or AArch64),
/// so no free or munmap of user memory erases them.
constexpr uintptr_t kChannelKey = 0xFD5C000000000000ull;
constexpr uintptr_t kByNumber = 1ull << 40; ///< a descriptor the runtime did not see created
constexpr uint32_t kSockets = 1;            ///< the channel every socket shares
constexpr int kMaxFd = 1 << 16;

uint32_t g_channel[kMaxFd]; ///< 0: not seen created
uint32_t g_next_channel = kSockets + 1;

bool tracked(int fd) { return fd >= 0 && fd < kMaxFd; }

SyncVar *channel_of(int fd) {
  uint32_t c = tracked(fd) ? g_channel[fd] : 0;
  return sync_get(kChannelKey + (c ? c : kByNumber + (uintptr_t)(unsigned)fd));
}

} // namespace

void fd_channel_own(int fd) {
  if (tracked(fd))
    g_channel[fd] = g_next_channel++;
}

void fd_channel_pair(int a, int b) {
  uint32_t c = g_next_channel++;
  if (tracked(a))
    g_channel[a] = c;
  if (tracked(b))
    g_channel[b] = c;
}

void fd_channel_socket(int fd) {
  if (tracked(fd))
    g_channel[fd] = kSockets;
}

void fd_channel_dup(int from, int to) {
  if (tracked(to))
    g_channel[to] = tracked(from) ? g_channel[from] : 0;
}

void fd_channel_close(int fd) {
  if (tracked(fd))
    g_channel[fd] = 0;
}

void fd_release(ThreadState *t, int fd) { sync_release(t, channel_of(fd)); }

void fd_acquire(ThreadState *t, int fd) { sync_acquire(t, channel_of(fd)); }

} // namespace weft

using namespace weft;

/// Runs the real call and, when it succeeded and a thread is being modelled, `model`.
#define WEFT_FD_CALL(name, model, ...)                                                             \
  auto r = WEFT_REAL(name)(__VA_ARGS__);                                                           \
  if (r >= 0)                                                                                      \
    if (ThreadState *t = active_thread()) {                                                        \
      RtScope scope(t, WEFT_RET_PC());                                                             \
      model;                                                                                       \
    }                                                                                              \
  return r;

WEFT_INTERCEPTOR(int, pipe, int fds[2]){WEFT_FD_CALL(pipe, fd_channel_pair(fds[0], fds[1]),
                                                     fds)} WEFT_INTERCEPTOR(int, pipe2, int fds[2],
                                                                            int flags){
    WEFT_FD_CALL(pipe2, fd_channel_pair(fds[0], fds[1]), fds,
                 flags)} WEFT_INTERCEPTOR(int, socketpair, int domain, int type, int protocol,
                                          int fds[2]){
    WEFT_FD_CALL(socketpair, fd_channel_pair(fds[0], fds[1]), domain, type, protocol,
                 fds)} WEFT_INTERCEPTOR(int, socket, int domain, int type, int protocol){
    WEFT_FD_CALL(socket, fd_channel_socket(r), domain, type,
                 protocol)} WEFT_INTERCEPTOR(int, eventfd, unsigned int initval, int flags){
    WEFT_FD_CALL(eventfd, fd_channel_own(r), initval, flags)} WEFT_INTERCEPTOR(int, dup, int fd){
    WEFT_FD_CALL(dup, fd_channel_dup(fd, r), fd)} WEFT_INTERCEPTOR(int, dup2, int fd, int to){
    WEFT_FD_CALL(dup2, fd_channel_dup(fd, r), fd, to)} WEFT_INTERCEPTOR(int, dup3, int fd, int to,
                                                                        int flags){
    WEFT_FD_CALL(dup3, fd_channel_dup(fd, r), fd, to, flags)} WEFT_INTERCEPTOR(int, close, int fd) {
  WEFT_FD_CALL(close, fd_channel_close(fd), fd)
}
