// Happens-before through file descriptors, as ThreadSanitizer gives it: a byte written to a pipe,
// socket or eventfd orders the writer's earlier accesses before what the reader does after
// reading it. Each descriptor belongs to a channel: both ends of one pipe or socketpair share
// one, every socket shares one (a connection's two ends are two descriptors the runtime cannot
// pair), an eventfd has its own, and a descriptor the runtime did not see created (inherited,
// opened with open()) is a channel by its number. A write-like call releases the channel's clock
// before it runs; a read-like call that returned data acquires it.
#pragma once
#include "core/rt.h"

namespace weft {

void fd_channel_own(int fd);           ///< a descriptor of its own (eventfd)
void fd_channel_pair(int a, int b);    ///< the two ends of one pipe or socketpair
void fd_channel_socket(int fd);        ///< a socket (socket, accept)
void fd_channel_dup(int from, int to); ///< `to` is now a copy of `from` (dup, dup2, dup3)
void fd_channel_close(int fd);
void fd_release(ThreadState *t, int fd); ///< before a write-like call
void fd_acquire(ThreadState *t, int fd); ///< after a read-like call returned data

} // namespace weft
