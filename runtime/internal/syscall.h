// Raw Linux system calls (x86_64 inline asm). The runtime intercepts `syscall`, `write`, `read`...
// so its own kernel calls must not go through libc's wrappers: these never recurse into it.
#pragma once
#include <cstdint>

namespace weft::sys {

inline long call6(long n, long a = 0, long b = 0, long c = 0, long d = 0, long e = 0, long f = 0) {
  long ret;
  register long r10 __asm__("r10") = d;
  register long r8 __asm__("r8") = e;
  register long r9 __asm__("r9") = f;
  __asm__ volatile("syscall"
                   : "=a"(ret)
                   : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
                   : "rcx", "r11", "memory");
  return ret;
}

// Numbers for x86_64 (asm/unistd_64.h); kept here so no system header leaks into runtime headers.
enum : long {
  kRead = 0, kWrite = 1, kOpen = 2, kClose = 3, kPoll = 7, kMmap = 9, kMunmap = 11,
  kSchedYield = 24, kGetpid = 39, kExitGroup = 231, kFutex = 202, kSchedSetaffinity = 203,
  kSchedGetaffinity = 204, kGettid = 186, kReadlink = 89, kKill = 62, kTgkill = 234
};

inline long write(int fd, const void *buf, unsigned long n) { return call6(kWrite, fd, (long)buf, (long)n); }
inline long read(int fd, void *buf, unsigned long n) { return call6(kRead, fd, (long)buf, (long)n); }
inline int open_ro(const char *path) { return (int)call6(kOpen, (long)path, 0 /*O_RDONLY*/, 0); }
inline void close(int fd) { call6(kClose, fd); }
[[noreturn]] inline void exit_group(int status) {
  for (;;) call6(kExitGroup, status);
}
inline long getpid() { return call6(kGetpid); }
inline void *mmap_anon(unsigned long size) {
  // PROT_READ|PROT_WRITE = 3, MAP_PRIVATE|MAP_ANONYMOUS = 0x22
  long r = call6(kMmap, 0, (long)size, 3, 0x22, -1, 0);
  return (r < 0 && r > -4096) ? nullptr : (void *)r;
}
inline void munmap(void *p, unsigned long size) { call6(kMunmap, (long)p, (long)size); }

/// Writes all of buf (retries partial writes and EINTR). One call for lines under PIPE_BUF.
inline void write_all(int fd, const char *buf, unsigned long n) {
  while (n > 0) {
    long r = write(fd, buf, n);
    if (r == -4 /*EINTR*/) continue;
    if (r <= 0) return;
    buf += r;
    n -= (unsigned long)r;
  }
}

} // namespace weft::sys
