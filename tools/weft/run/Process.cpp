// Children are watched with poll(2) on their pipes plus a SIGCHLD self-pipe, so a run that ends is
// noticed at once (hundreds of runs a second need that) and a run that hangs is killed at its
// deadline. Each child leads its own process group so that a kill also reaches what it forked.
#include "Process.h"

#include "EventParser.h"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace weft::run {
namespace {

int gSigchldPipe[2] = {-1, -1};

void onSigchld(int) {
  int saved = errno;
  char byte = 0;
  [[maybe_unused]] auto n = write(gSigchldPipe[1], &byte, 1);
  errno = saved;
}

void installSigchldHandler() {
  if (gSigchldPipe[0] >= 0)
    return;
  if (pipe2(gSigchldPipe, O_CLOEXEC | O_NONBLOCK) != 0)
    return;
  struct sigaction sa {};
  sa.sa_handler = onSigchld;
  sa.sa_flags = SA_RESTART | SA_NOCLDSTOP;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGCHLD, &sa, nullptr);
}

void drainSigchldPipe() {
  char buf[256];
  while (read(gSigchldPipe[0], buf, sizeof buf) > 0) {
  }
}

// Variables the driver owns: a value left in the user's environment must not leak into a run.
bool isProtocolVariable(const char *entry) {
  static const char *const kNames[] = {
      "WEFT_EVENT_FD",      "WEFT_STRATEGY",         "WEFT_SEED",      "WEFT_PCT_DEPTH",
      "WEFT_PCT_STEPS",     "WEFT_PREEMPTION_BOUND", "WEFT_MAX_STEPS", "WEFT_SCHEDULE_FILE",
      "WEFT_RACY_PCS_FILE", "WEFT_RUN_INDEX"};
  for (const char *name : kNames) {
    std::size_t n = std::strlen(name);
    if (!std::strncmp(entry, name, n) && entry[n] == '=')
      return true;
  }
  return false;
}

void closeFd(int &fd) {
  if (fd >= 0)
    close(fd);
  fd = -1;
}

int cpuForIndex(int index) {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof set, &set) != 0)
    return -1;
  int count = CPU_COUNT(&set);
  if (count <= 0)
    return -1;
  int want = index % count;
  for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu)
    if (CPU_ISSET(cpu, &set) && want-- == 0)
      return cpu;
  return -1;
}

const char *signalName(int sig) {
  switch (sig) {
  case SIGSEGV:
    return "SIGSEGV";
  case SIGABRT:
    return "SIGABRT";
  case SIGKILL:
    return "SIGKILL";
  case SIGBUS:
    return "SIGBUS";
  case SIGFPE:
    return "SIGFPE";
  case SIGILL:
    return "SIGILL";
  case SIGTERM:
    return "SIGTERM";
  case SIGINT:
    return "SIGINT";
  case SIGPIPE:
    return "SIGPIPE";
  case SIGTRAP:
    return "SIGTRAP";
  default:
    return nullptr;
  }
}

/// What the child needs between vfork and exec, computed before vfork.
struct ChildSetup {
  char **argv;
  char **envp;
  int cpu;      ///< -1: no pinning
  int eventFd;  ///< write end of the event pipe, inherited by the program
  int stderrFd; ///< -1: keep stderr, else where stderr goes (stdout then goes to /dev/null)
  int statusFd; ///< where exec's errno is written when it fails
};

/// The child side of vfork: only async-signal-safe calls, then exec; in its own frame so that the
/// parent's registers are not clobbered.
[[noreturn]] __attribute__((noinline)) void execChild(const ChildSetup &s) {
  setpgid(0, 0);
  if (s.cpu >= 0) {
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(s.cpu, &set);
    sched_setaffinity(0, sizeof set, &set);
  }
  fcntl(s.eventFd, F_SETFD, 0); // the one descriptor the program inherits from us
  if (s.stderrFd >= 0) {
    int devnull = open("/dev/null", O_RDWR | O_CLOEXEC);
    if (devnull >= 0) {
      dup2(devnull, 0);
      dup2(devnull, 1);
    }
    dup2(s.stderrFd, 2);
  }
  signal(SIGPIPE, SIG_DFL);
  execvpe(s.argv[0], s.argv, s.envp);
  int e = errno;
  [[maybe_unused]] auto n = write(s.statusFd, &e, sizeof e);
  _exit(127);
}

} // namespace

Child::~Child() {
  if (pid_ > 0 && !reaped_) {
    kill(-pid_, SIGKILL);
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
  closeFd(eventFd_);
  closeFd(stderrFd_);
}

int allowedCpuCount() {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof set, &set) != 0)
    return 1;
  return std::max(1, CPU_COUNT(&set));
}

std::string describeEnd(const ProcessEnd &end) {
  if (end.startFailed)
    return "could not be started: " + end.startError;
  if (end.timedOut)
    return "killed after the time limit";
  if (end.signaled) {
    std::string text = "killed by signal " + std::to_string(end.signal);
    if (const char *name = signalName(end.signal))
      text += std::string(" (") + name + ")";
    return text;
  }
  return "exited with status " + std::to_string(end.status);
}

ChildSet::ChildSet() { installSigchldHandler(); }

ChildSet::~ChildSet() { children_.clear(); }

Child *ChildSet::start(const LaunchSpec &spec, std::uint64_t tag) {
  auto child = std::make_unique<Child>();
  child->tag = tag;
  RunResult &result = child->result_;
  result.iteration = tag;

  int events[2], status[2], err[2] = {-1, -1};
  if (pipe2(events, O_CLOEXEC) != 0 || pipe2(status, O_CLOEXEC) != 0 ||
      (!spec.showOutput && pipe2(err, O_CLOEXEC) != 0)) {
    result.end.startFailed = true;
    result.end.startError = std::string("pipe: ") + std::strerror(errno);
    child->done_ = true;
    children_.push_back(std::move(child));
    return children_.back().get();
  }

  // Everything the child needs is built before vfork: only async-signal-safe calls after it.
  std::vector<std::string> envStrings;
  for (char **e = environ; *e; ++e)
    if (!isProtocolVariable(*e)) {
      bool overridden = false;
      for (auto &[k, v] : spec.env)
        if (!std::strncmp(*e, k.c_str(), k.size()) && (*e)[k.size()] == '=')
          overridden = true;
      if (!overridden)
        envStrings.emplace_back(*e);
    }
  for (auto &[k, v] : spec.env)
    envStrings.push_back(k + "=" + v);
  envStrings.push_back("WEFT_EVENT_FD=" + std::to_string(events[1]));
  std::vector<char *> envp, argv;
  for (auto &s : envStrings)
    envp.push_back(s.data());
  envp.push_back(nullptr);
  std::vector<std::string> argStrings = spec.argv;
  for (auto &s : argStrings)
    argv.push_back(s.data());
  argv.push_back(nullptr);
  ChildSetup setup{argv.data(),
                   envp.data(),
                   spec.cpu >= 0 ? cpuForIndex(spec.cpu) : -1,
                   events[1],
                   spec.showOutput ? -1 : err[1],
                   status[1]};

  // vfork: the driver maps LLVM and much else, and copying its page tables for every run would
  // cost more than the run itself (550 against 290 runs/s measured).
  pid_t pid = vfork();
  if (pid == 0)
    execChild(setup);
  closeFd(events[1]);
  closeFd(status[1]);
  closeFd(err[1]);
  if (pid < 0) {
    result.end.startFailed = true;
    result.end.startError = std::string("fork: ") + std::strerror(errno);
    closeFd(events[0]);
    closeFd(status[0]);
    closeFd(err[0]);
    child->done_ = true;
    children_.push_back(std::move(child));
    return children_.back().get();
  }
  setpgid(pid, pid); // also here: whichever of parent and child runs first wins the race
  child->pid_ = pid;
  child->eventFd_ = events[0];
  child->stderrFd_ = err[0];
  fcntl(child->eventFd_, F_SETFL, O_NONBLOCK);
  if (child->stderrFd_ >= 0)
    fcntl(child->stderrFd_, F_SETFL, O_NONBLOCK);

  int execErrno = 0;
  ssize_t n;
  do
    n = read(status[0], &execErrno, sizeof execErrno);
  while (n < 0 && errno == EINTR);
  closeFd(status[0]);
  if (n == sizeof execErrno) {
    waitpid(pid, nullptr, 0);
    child->reaped_ = true;
    result.end.startFailed = true;
    result.end.startError = std::strerror(execErrno);
    closeFd(child->eventFd_);
    closeFd(child->stderrFd_);
    child->done_ = true;
  } else if (spec.timeoutSeconds > 0) {
    child->hasDeadline_ = true;
    child->deadline_ = std::chrono::steady_clock::now() +
                       std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                           std::chrono::duration<double>(spec.timeoutSeconds));
  }
  children_.push_back(std::move(child));
  return children_.back().get();
}

void ChildSet::readFrom(Child &child, int &fd, bool events) {
  char buf[65536];
  while (fd >= 0) {
    ssize_t n = read(fd, buf, sizeof buf);
    if (n > 0) {
      std::string_view bytes(buf, static_cast<std::size_t>(n));
      if (events) {
        feedEventBytes(bytes, child.pending_, child.result_.record);
      } else {
        std::string &tail = child.result_.end.stderrTail;
        tail.append(bytes);
        if (tail.size() > 8192)
          tail.erase(0, tail.size() - 4096);
      }
      continue;
    }
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
      return;
    closeFd(fd); // end of file or a real error: nothing more will come
  }
}

void ChildSet::finish(Child &child) {
  // What the process wrote before it ended is still in the pipes: take it all, without waiting
  // for an end of file that a leftover grandchild could hold back forever.
  readFrom(child, child.eventFd_, true);
  readFrom(child, child.stderrFd_, false);
  if (!child.pending_.empty()) {
    parseEventLine(child.pending_, child.result_.record);
    child.pending_.clear();
  }
  kill(-child.pid_, SIGKILL);
  closeFd(child.eventFd_);
  closeFd(child.stderrFd_);
  child.done_ = true;
}

std::vector<std::unique_ptr<Child>> ChildSet::wait() {
  std::vector<std::unique_ptr<Child>> finished;
  while (true) {
    for (auto it = children_.begin(); it != children_.end();) {
      if ((*it)->done_) {
        finished.push_back(std::move(*it));
        it = children_.erase(it);
      } else {
        ++it;
      }
    }
    if (!finished.empty() || children_.empty())
      return finished;

    std::vector<pollfd> fds;
    fds.push_back({gSigchldPipe[0], POLLIN, 0});
    auto now = std::chrono::steady_clock::now();
    int timeoutMs = -1;
    for (auto &c : children_) {
      if (c->eventFd_ >= 0)
        fds.push_back({c->eventFd_, POLLIN, 0});
      if (c->stderrFd_ >= 0)
        fds.push_back({c->stderrFd_, POLLIN, 0});
      if (c->hasDeadline_) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(c->deadline_ - now);
        int ms = static_cast<int>(std::max<long long>(0, left.count() + 1));
        timeoutMs = timeoutMs < 0 ? ms : std::min(timeoutMs, ms);
      }
    }
    // A SIGCHLD between the waitpid below and poll would be caught by the self-pipe; the bound on
    // the timeout only guards against a lost signal (another SIGCHLD handler installed later).
    timeoutMs = timeoutMs < 0 ? 1000 : std::min(timeoutMs, 1000);
    poll(fds.data(), fds.size(), timeoutMs);
    drainSigchldPipe();

    now = std::chrono::steady_clock::now();
    for (auto &c : children_) {
      readFrom(*c, c->eventFd_, true);
      readFrom(*c, c->stderrFd_, false);
      if (!c->reaped_) {
        int status = 0;
        pid_t r = waitpid(c->pid_, &status, WNOHANG);
        if (r == c->pid_) {
          c->reaped_ = true;
          ProcessEnd &end = c->result_.end;
          if (WIFEXITED(status)) {
            end.exited = true;
            end.status = WEXITSTATUS(status);
          } else if (WIFSIGNALED(status)) {
            end.signaled = true;
            end.signal = WTERMSIG(status);
          }
          finish(*c);
          continue;
        }
      }
      if (c->hasDeadline_ && now >= c->deadline_ && !c->result_.end.timedOut) {
        c->result_.end.timedOut = true;
        kill(-c->pid_, SIGKILL);
        kill(c->pid_, SIGKILL);
      }
    }
  }
}

void ChildSet::cancelAbove(std::uint64_t tag) {
  children_.erase(std::remove_if(children_.begin(), children_.end(),
                                 [tag](const std::unique_ptr<Child> &c) { return c->tag > tag; }),
                  children_.end());
}

} // namespace weft::run
