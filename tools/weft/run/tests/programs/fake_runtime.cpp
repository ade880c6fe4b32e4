// A stand-in for an instrumented program: it speaks the event protocol (weft/protocol.h) itself, so
// the driver's stream handling, process management and report building are tested without
// libweft_rt. argv[1] picks the behaviour; see main().
#include "weft/protocol.h"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <link.h>
#include <string>
#include <unistd.h>
#include <vector>

int counter; // the "racy" global the fake data race is about

namespace {

int eventFd = -1;

void emit(const std::string &line) {
  if (eventFd < 0)
    return;
  std::string l = line + "\n";
  [[maybe_unused]] auto n = write(eventFd, l.data(), l.size());
}

std::string hex(const void *p) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "0x%llx", (unsigned long long)(uintptr_t)p);
  return buf;
}

int moduleCallback(dl_phdr_info *info, size_t, void *) {
  std::string path = info->dlpi_name;
  if (path.empty()) {
    char buf[4096];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    path = n > 0 ? std::string(buf, n) : "";
  }
  if (!path.empty() && path[0] == '/')
    emit("module base=" + hex((void *)info->dlpi_addr) + " path=" + path);
  return 0;
}

__attribute__((noinline)) void writer() { counter = counter + 1; }
__attribute__((noinline)) void reader() { std::printf("%d\n", counter); }
__attribute__((noinline)) void spawner() { std::puts("spawn"); }

// An address inside f (past its first instruction, so pc-1 is still inside).
std::string pcIn(void (*f)()) { return hex((const char *)(void *)f + 4); }

std::string env(const char *name) {
  const char *v = std::getenv(name);
  return v ? v : "";
}

void hello() {
  emit("hello version=1 pid=" + std::to_string(getpid()) + " strategy=" + env("WEFT_STRATEGY") +
       " seed=" + (env("WEFT_SEED").empty() ? "0" : env("WEFT_SEED")));
  dl_iterate_phdr(moduleCallback, nullptr);
}

void dataRace() {
  emit("thread tid=1 parent=0 stack=" + pcIn(spawner));
  emit("thread tid=2 parent=0 stack=" + pcIn(spawner));
  emit("steps 0 1 2 1");
  emit("racy pc=" + pcIn(writer));
  emit("finding rule=data-race tid=2 addr=" + hex(&counter) + " size=4 text=data race");
  emit("access tid=2 write=1 atomic=0 addr=" + hex(&counter) + " size=4 stack=" + pcIn(writer) +
       "," + pcIn(spawner));
  emit("access tid=1 write=0 atomic=0 addr=" + hex(&counter) + " size=4 stack=" + pcIn(reader));
  emit("end-finding");
}

std::vector<unsigned> readSchedule() {
  std::vector<unsigned> choices;
  std::ifstream in(env("WEFT_SCHEDULE_FILE"));
  unsigned long long v;
  while (in >> v)
    choices.push_back((unsigned)v);
  return choices;
}

/// What a fake dfs program does: steps per thread, the trace that fails (empty: none) and the trace
/// in which it reports a new racy pc (empty: none).
struct DfsModel {
  int steps1 = 2, steps2 = 2;
  std::vector<unsigned> failOn, learnOn;
};

// A tiny model of the dfs runtime: two threads of a few steps each; main (0) starts them. Follows
// the forced prefix, then runs without preemption (stay on the last thread while it can run).
int fakeDfs(const DfsModel &model) {
  std::vector<unsigned> prefix = readSchedule();
  int left[3] = {0, model.steps1, model.steps2};
  std::string steps = "steps";
  std::vector<unsigned> trace;
  int last = 1;
  for (size_t step = 0; left[1] + left[2] > 0; ++step) {
    std::vector<unsigned> enabled;
    for (unsigned t = 1; t <= 2; ++t)
      if (left[t] > 0)
        enabled.push_back(t);
    unsigned pick = step < prefix.size() ? prefix[step]
                    : left[last] > 0     ? (unsigned)last
                                         : enabled.front();
    if (left[pick] <= 0) {
      emit("diverged step=" + std::to_string(step) + " text=thread " + std::to_string(pick) +
           " is not enabled");
      return 0;
    }
    --left[pick];
    last = (int)pick;
    trace.push_back(pick);
    std::string token = std::to_string(pick) + ":";
    for (size_t i = 0; i < enabled.size(); ++i)
      token += (i ? "." : "") + std::to_string(enabled[i]);
    steps += " " + token;
  }
  emit(steps);
  if (!model.learnOn.empty() && trace == model.learnOn)
    emit("racy pc=" + pcIn(writer));
  if (!model.failOn.empty() && trace == model.failOn) {
    std::string order;
    for (unsigned t : trace)
      order += (order.empty() ? "" : " ") + std::to_string(t);
    emit("finding rule=assertion-failure tid=1 addr=0 size=0 text=assertion failed: " + order);
    emit("threadstate tid=1 state=running stack=" + pcIn(writer));
    emit("end-finding");
    emit("exit status=66");
    return WEFT_EXIT_FINDING;
  }
  emit("exit status=0");
  return 0;
}

// Replay: the schedule must be "0 1 2 1"; anything else diverges at the first difference.
int fakeReplay(const char *then) {
  std::vector<unsigned> want{0, 1, 2, 1}, got = readSchedule();
  for (size_t i = 0; i < want.size(); ++i)
    if (i >= got.size() || got[i] != want[i]) {
      emit("diverged step=" + std::to_string(i) + " text=thread " +
           (i < got.size() ? std::to_string(got[i]) : std::string("?")) + " cannot run here");
      return 1;
    }
  if (!std::strcmp(then, "race")) {
    dataRace();
    return WEFT_EXIT_FINDING;
  }
  emit("steps 0 1 2 1");
  emit("exit status=0");
  return 0;
}

} // namespace

int main(int argc, char **argv) {
  eventFd = env("WEFT_EVENT_FD").empty() ? -1 : std::atoi(env("WEFT_EVENT_FD").c_str());
  std::string mode = argc > 1 ? argv[1] : "clean";
  if (mode == "silent") // an uninstrumented program: says nothing at all
    return 0;
  hello();
  std::fprintf(stderr, "fake: %s\n", mode.c_str());
  if (mode == "clean") {
    emit("steps 0 0 0");
    emit("exit status=0");
    return 0;
  }
  if (mode == "race") {
    dataRace();
    return WEFT_EXIT_FINDING;
  }
  if (mode == "crash") {
    emit("steps 0 1 0");
    volatile int *p = nullptr;
    *p = 1;
  }
  if (mode == "abort") {
    emit("steps 0 1");
    std::fprintf(stderr, "%s: fake.cpp:1: int main(): Assertion `counter == 2' failed.\n", argv[0]);
    std::abort();
  }
  if (mode == "hang" || mode == "race-then-hang") { // a read nobody will ever answer
    if (mode == "race-then-hang")
      dataRace(); // a finding first: the run keeps going, then hangs
    emit("steps 0 1 1");
    int fds[2];
    if (pipe(fds) == 0) {
      char c;
      [[maybe_unused]] auto n = read(fds[0], &c, 1);
    }
    return 0;
  }
  if (mode == "sigkill") {
    emit("steps 0 1 2");
    raise(SIGKILL);
  }
  if (mode == "fail-at") { // fails in the runs whose index is listed in argv[2..]
    emit("steps 0 1");
    for (int i = 2; i < argc; ++i)
      if (env("WEFT_RUN_INDEX") == argv[i]) {
        emit("finding rule=livelock tid=0 addr=0 size=0 text=run " + env("WEFT_RUN_INDEX"));
        emit("end-finding");
        return WEFT_EXIT_FINDING;
      }
    emit("racy pc=" + pcIn(writer));
    emit("exit status=0");
    return 0;
  }
  if (mode == "env") { // prints the protocol variables it was given, then exits cleanly
    for (const char *name : {"WEFT_STRATEGY", "WEFT_SEED", "WEFT_PCT_STEPS", "WEFT_RACY_PCS_FILE",
                             "WEFT_SCHEDULE_FILE", "WEFT_RUN_INDEX"})
      std::printf("%s=%s\n", name, env(name).c_str());
    emit("steps " + std::string(argc > 2 ? argv[2] : "0"));
    emit("exit status=0");
    return 0;
  }
  if (mode == "steps") { // many scheduling steps in many records
    long n = argc > 2 ? std::atol(argv[2]) : 1000000;
    std::string line;
    for (long i = 0; i < n; ++i) {
      if (line.empty())
        line = "steps";
      line += i % 2 ? " 1" : " 0";
      if (line.size() > 3000) {
        emit(line);
        line.clear();
      }
    }
    if (!line.empty())
      emit(line);
    emit("exit status=0");
    return 0;
  }
  if (mode == "dfs")
    return fakeDfs({});
  if (mode == "dfs-fail")
    return fakeDfs({2, 2, {1, 2, 2, 1}, {}});
  if (mode == "dfs-learn") {
    // Thread 1's second step is an access that is a choice point only once it has been seen race,
    // and it is seen racing only in the schedule where thread 2 goes first; the failure needs a
    // preemption at that access. A search that kept its first tree would claim the whole space
    // after 2 schedules and never fail.
    std::ifstream racy(env("WEFT_RACY_PCS_FILE"));
    std::string line;
    bool learned = static_cast<bool>(std::getline(racy, line)) && !line.empty();
    if (!learned)
      return fakeDfs({1, 1, {}, {2, 1}});
    return fakeDfs({2, 1, {1, 2, 1}, {}});
  }
  if (mode == "replay")
    return fakeReplay(argc > 2 ? argv[2] : "");
  std::fprintf(stderr, "fake_runtime: unknown mode '%s'\n", mode.c_str());
  return 3;
}
