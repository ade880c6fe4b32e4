#!/usr/bin/env python3
"""Writes a synthetic multi-threaded C++ service of N translation units for the whole-project
`weft lint` benchmark (run_project_bench.py; see bench/lint/README.md).

usage: gen_project.py OUT_DIR [--files N] [--cxx COMPILER] [--annotate]

OUT_DIR gets src/ (the code), a Makefile and compile_commands.json (one entry per .cpp, each a
real `-c` compile at -O2). The project is written as services are: a thread pool running
std::function tasks, the project's own Mutex class and RAII guard over pthreads, classes whose
fields are guarded by mutexes, std::thread and pthread_create workers, condition variables,
std containers, and calls across files through headers. About a third of the modules carry an
unlocked access to shared state, so the analysis has races to find, not just code to parse.

The output is a function of N and the compiler alone (no randomness, no dates), so two runs
with the same N lint and compile the same bytes.
"""
import argparse
import json
import os
import string
import sys

# Translation units that every project has; the rest are service modules.
CORE_UNITS = ["base/thread_pool.cpp", "base/logging.cpp", "main.cpp"]
FLAGS = ["-std=c++20", "-O2", "-DNDEBUG", "-Wall", "-pthread"]
KINDS = ["cache", "worker", "poller", "sessions"]


def module_count(files):
    """Modules for a project of `files` translation units (at least one module)."""
    return max(1, files - len(CORE_UNITS))


def module_kind(index):
    """Which of the four module shapes module `index` has; the shapes interleave so that every
    prefix of the project mixes all of them."""
    return KINDS[index % len(KINDS)]


def module_is_racy(index):
    """Whether module `index` carries its seeded unlocked access (one module in three)."""
    return index % 3 == 2


def module_stem(index):
    return f"{module_kind(index)}_{index:03d}"


def fill(template, **values):
    """The template with its ${names} replaced; C++ has no `$`, so string.Template is safe."""
    return string.Template(template).substitute(**values)


# --- base/: the code every module shares -----------------------------------------------------

MUTEX_H = """\
// The project's own lock types: a thin wrapper over pthread mutexes (one place to add tracing
// or contention counters) and a scoped guard.
#pragma once

#include <pthread.h>

namespace base {

class Mutex {
 public:
  Mutex() { pthread_mutex_init(&mu_, nullptr); }
  ~Mutex() { pthread_mutex_destroy(&mu_); }
  Mutex(const Mutex&) = delete;
  Mutex& operator=(const Mutex&) = delete;

  void Lock() { pthread_mutex_lock(&mu_); }
  void Unlock() { pthread_mutex_unlock(&mu_); }
  bool TryLock() { return pthread_mutex_trylock(&mu_) == 0; }

 private:
  pthread_mutex_t mu_;
};

// Holds a Mutex for the enclosing scope.
class MutexLock {
 public:
  explicit MutexLock(Mutex* mu) : mu_(mu) { mu_->Lock(); }
  ~MutexLock() { mu_->Unlock(); }
  MutexLock(const MutexLock&) = delete;
  MutexLock& operator=(const MutexLock&) = delete;

 private:
  Mutex* const mu_;
};

}  // namespace base
"""

THREAD_POOL_H = """\
// A fixed-size pool of threads that run std::function tasks in submission order.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace base {

class ThreadPool {
 public:
  explicit ThreadPool(std::size_t threads);
  ~ThreadPool();
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  void Submit(std::function<void()> task);
  // Blocks until every task submitted so far has finished.
  void Wait();
  std::size_t completed() const;

 private:
  void WorkerLoop();

  mutable std::mutex mu_;
  std::condition_variable work_cv_;
  std::condition_variable idle_cv_;
  std::deque<std::function<void()>> tasks_;  // guarded by mu_
  std::vector<std::thread> workers_;
  std::size_t running_ = 0;                  // guarded by mu_
  std::size_t completed_ = 0;                // guarded by mu_
  bool stopping_ = false;                    // guarded by mu_
};

}  // namespace base
"""

THREAD_POOL_CPP = """\
#include "base/thread_pool.h"

#include <utility>

namespace base {

ThreadPool::ThreadPool(std::size_t threads) {
  workers_.reserve(threads);
  for (std::size_t i = 0; i < threads; ++i)
    workers_.emplace_back([this] { WorkerLoop(); });
}

ThreadPool::~ThreadPool() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  work_cv_.notify_all();
  for (std::thread& worker : workers_)
    worker.join();
}

void ThreadPool::Submit(std::function<void()> task) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    tasks_.push_back(std::move(task));
  }
  work_cv_.notify_one();
}

void ThreadPool::Wait() {
  std::unique_lock<std::mutex> lock(mu_);
  idle_cv_.wait(lock, [this] { return tasks_.empty() && running_ == 0; });
}

std::size_t ThreadPool::completed() const {
  std::lock_guard<std::mutex> lock(mu_);
  return completed_;
}

void ThreadPool::WorkerLoop() {
  for (;;) {
    std::function<void()> task;
    {
      std::unique_lock<std::mutex> lock(mu_);
      work_cv_.wait(lock, [this] { return stopping_ || !tasks_.empty(); });
      if (tasks_.empty())
        return;  // stopping, and nothing left to drain
      task = std::move(tasks_.front());
      tasks_.pop_front();
      ++running_;
    }
    task();
    {
      std::lock_guard<std::mutex> lock(mu_);
      --running_;
      ++completed_;
      if (tasks_.empty() && running_ == 0)
        idle_cv_.notify_all();
    }
  }
}

}  // namespace base
"""

LOGGING_H = """\
// Process-wide logging and counters.
#pragma once

#include <cstddef>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "base/mutex.h"

namespace base {

enum class Severity { kInfo, kWarning, kError };

// Buffers log lines until the owner takes them; drops lines past a bound.
class Logger {
 public:
  static Logger& Get();

  void Log(Severity severity, const std::string& where, const std::string& message);
  std::vector<std::string> TakeLines();
  // Read without the lock: the status page tolerates a stale count.
  std::size_t dropped() const { return dropped_; }

 private:
  static constexpr std::size_t kMaxLines = 4096;

  Mutex mu_;
  std::vector<std::string> lines_;  // guarded by mu_
  std::size_t dropped_ = 0;         // guarded by mu_ (written)
};

void LogInfo(const std::string& where, const std::string& message);
void LogError(const std::string& where, const std::string& message);

// Named counters for the status page.
class Metrics {
 public:
  static Metrics& Get();

  void Add(const std::string& name, long delta);
  long Value(const std::string& name) const;
  std::map<std::string, long> Snapshot() const;

 private:
  mutable std::mutex mu_;
  std::map<std::string, long> counters_;  // guarded by mu_
};

// Every request handler bumps this; the status page reads it.
extern long g_requests_total;

}  // namespace base
"""

LOGGING_CPP = """\
#include "base/logging.h"

#include <utility>

namespace base {

long g_requests_total = 0;

namespace {

const char* SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kInfo:
      return "I";
    case Severity::kWarning:
      return "W";
    case Severity::kError:
      return "E";
  }
  return "?";
}

}  // namespace

Logger& Logger::Get() {
  static Logger logger;
  return logger;
}

void Logger::Log(Severity severity, const std::string& where, const std::string& message) {
  std::string line = std::string(SeverityName(severity)) + " [" + where + "] " + message;
  MutexLock lock(&mu_);
  if (lines_.size() >= kMaxLines) {
    ++dropped_;
    return;
  }
  lines_.push_back(std::move(line));
}

std::vector<std::string> Logger::TakeLines() {
  MutexLock lock(&mu_);
  std::vector<std::string> out;
  out.swap(lines_);
  return out;
}

void LogInfo(const std::string& where, const std::string& message) {
  Logger::Get().Log(Severity::kInfo, where, message);
}

void LogError(const std::string& where, const std::string& message) {
  Logger::Get().Log(Severity::kError, where, message);
}

Metrics& Metrics::Get() {
  static Metrics metrics;
  return metrics;
}

void Metrics::Add(const std::string& name, long delta) {
  std::lock_guard<std::mutex> lock(mu_);
  counters_[name] += delta;
}

long Metrics::Value(const std::string& name) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = counters_.find(name);
  return it == counters_.end() ? 0 : it->second;
}

std::map<std::string, long> Metrics::Snapshot() const {
  std::lock_guard<std::mutex> lock(mu_);
  return counters_;
}

}  // namespace base
"""

# With --annotate the lock types carry Clang's thread-safety attributes, as Abseil's and
# leveldb's do; without, they are plain classes that the analyser must see through on its own.
ANNOTATION_MACROS = """\
#if defined(__clang__)
#define CAPABILITY(x) __attribute__((capability(x)))
#define SCOPED_CAPABILITY __attribute__((scoped_lockable))
#define ACQUIRE(...) __attribute__((acquire_capability(__VA_ARGS__)))
#define RELEASE(...) __attribute__((release_capability(__VA_ARGS__)))
#define TRY_ACQUIRE(...) __attribute__((try_acquire_capability(__VA_ARGS__)))
#else
#define CAPABILITY(x)
#define SCOPED_CAPABILITY
#define ACQUIRE(...)
#define RELEASE(...)
#define TRY_ACQUIRE(...)
#endif
"""

ANNOTATIONS = [
    ("#include <pthread.h>\n", "#include <pthread.h>\n\n" + ANNOTATION_MACROS),
    ("class Mutex {", 'class CAPABILITY("mutex") Mutex {'),
    ("void Lock() {", "void Lock() ACQUIRE() {"),
    ("void Unlock() {", "void Unlock() RELEASE() {"),
    ("bool TryLock() {", "bool TryLock() TRY_ACQUIRE(true) {"),
    ("class MutexLock {", "class SCOPED_CAPABILITY MutexLock {"),
    ("MutexLock(Mutex* mu) : mu_(mu)", "MutexLock(Mutex* mu) ACQUIRE(mu) : mu_(mu)"),
    ("~MutexLock() {", "~MutexLock() RELEASE() {"),
]


def mutex_header(annotate):
    if not annotate:
        return MUTEX_H
    text = MUTEX_H
    for plain, annotated in ANNOTATIONS:
        assert plain in text, plain
        text = text.replace(plain, annotated)
    return text


# --- svc/: the modules ------------------------------------------------------------------------
# Every module has the same four entry points (Start, Notify, Report, Stop), declared in its
# header; a module's tasks call the next module's Notify, so calls cross files.

MODULE_API = """\
void Module${N}_Start(base::ThreadPool& pool);
void Module${N}_Notify(const std::string& event);
std::string Module${N}_Report();
void Module${N}_Stop();
"""

# Text helpers every module has its own copy of (as real modules grow their own), so the
# compiler and the analyser both have function bodies to work through.
MODULE_HELPERS = """\
namespace {

constexpr unsigned kSeed = ${SEED}u;

// Splits "k1=v1;k2=v2" into pairs; items without a key are skipped.
std::vector<std::pair<std::string, std::string>> ParsePairs(const std::string& text) {
  std::vector<std::pair<std::string, std::string>> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(';', start);
    if (end == std::string::npos)
      end = text.size();
    std::string item = text.substr(start, end - start);
    std::size_t eq = item.find('=');
    if (eq != std::string::npos && eq > 0)
      out.emplace_back(item.substr(0, eq), item.substr(eq + 1));
    start = end + 1;
  }
  return out;
}

std::string Checksum(const std::string& text) {
  unsigned h = kSeed;
  for (char c : text)
    h = h * 31u + static_cast<unsigned char>(c);
  return std::to_string(h % 100000u);
}

std::string MakeEvent(int task, int step) {
  return "src=${STEM};task=" + std::to_string(task) + ";step=" + std::to_string(step) +
         ";sum=" + Checksum(std::to_string(task * ${SEED} + step));
}

// Renders name/value rows as an aligned text table, widest name first.
std::string RenderTable(std::vector<std::pair<std::string, long>> rows) {
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    return a.first.size() != b.first.size() ? a.first.size() > b.first.size() : a.first < b.first;
  });
  std::size_t width = 0;
  for (const auto& row : rows)
    width = std::max(width, row.first.size());
  std::string out;
  for (const auto& row : rows) {
    out += row.first;
    out.append(width - row.first.size() + 2, ' ');
    out += std::to_string(row.second);
    out += '\\n';
  }
  return out;
}

}  // namespace
"""

MODULE_INCLUDES = """\
#include "svc/${STEM}.h"

#include <algorithm>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "base/logging.h"
#include "svc/${NEXT_STEM}.h"
"""

# A cache behind the project's own Mutex and MutexLock guard; pool tasks fill it.
CACHE_H = """\
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "base/mutex.h"
#include "base/thread_pool.h"

namespace svc {

// A bounded cache of rendered fragments, shared by the request handlers.
class Cache${N} {
 public:
  explicit Cache${N}(std::size_t capacity) : capacity_(capacity) {}

  bool Lookup(const std::string& key, std::string* value);
  void Insert(const std::string& key, const std::string& value);
  std::size_t Evict(std::size_t keep);
  std::size_t hits() const;
  std::size_t misses() const;
  std::vector<std::string> Keys() const;

 private:
  mutable base::Mutex mu_;
  std::map<std::string, std::string> entries_;  // guarded by mu_
  std::vector<std::string> insertion_order_;    // guarded by mu_
  const std::size_t capacity_;
  std::size_t hits_ = 0;                        // guarded by mu_
  std::size_t misses_ = 0;                      // guarded by mu_
};

Cache${N}& Cache${N}Instance();
""" + MODULE_API + """
}  // namespace svc
"""

CACHE_CPP = MODULE_INCLUDES + "\n" + MODULE_HELPERS + """
namespace svc {

Cache${N}& Cache${N}Instance() {
  static Cache${N} cache(${CAPACITY});
  return cache;
}

bool Cache${N}::Lookup(const std::string& key, std::string* value) {
  base::MutexLock lock(&mu_);
  auto it = entries_.find(key);
  if (it == entries_.end()) {
    ++misses_;
    return false;
  }
  ++hits_;
  *value = it->second;
  return true;
}

void Cache${N}::Insert(const std::string& key, const std::string& value) {
  base::MutexLock lock(&mu_);
  auto [it, inserted] = entries_.emplace(key, value);
  if (!inserted) {
    it->second = value;
    return;
  }
  insertion_order_.push_back(key);
  if (insertion_order_.size() > capacity_) {
    entries_.erase(insertion_order_.front());
    insertion_order_.erase(insertion_order_.begin());
  }
}

std::size_t Cache${N}::Evict(std::size_t keep) {
  base::MutexLock lock(&mu_);
  std::size_t evicted = 0;
  while (insertion_order_.size() > keep) {
    entries_.erase(insertion_order_.front());
    insertion_order_.erase(insertion_order_.begin());
    ++evicted;
  }
  return evicted;
}

std::size_t Cache${N}::hits() const {
  base::MutexLock lock(&mu_);
  return hits_;
}

${MISSES_ACCESSOR}

std::vector<std::string> Cache${N}::Keys() const {
  base::MutexLock lock(&mu_);
  return insertion_order_;
}

void Module${N}_Start(base::ThreadPool& pool) {
  for (int task = 0; task < 3; ++task) {
    pool.Submit([task] {
      Cache${N}& cache = Cache${N}Instance();
      for (int step = 0; step < 40; ++step) {
        std::string event = MakeEvent(task, step);
        std::string cached;
        if (!cache.Lookup(event, &cached))
          cache.Insert(event, Checksum(event));
        if (step % 10 == 0)
          Module${NEXT}_Notify(event);
      }
      ${TASK_EPILOGUE}
    });
  }
}

void Module${N}_Notify(const std::string& event) {
  for (const auto& [key, value] : ParsePairs(event))
    Cache${N}Instance().Insert(key + ":" + value, Checksum(value));
}

std::string Module${N}_Report() {
  Cache${N}& cache = Cache${N}Instance();
  return RenderTable({{"${STEM}.hits", static_cast<long>(cache.hits())},
                      {"${STEM}.misses", static_cast<long>(cache.misses())},
                      {"${STEM}.keys", static_cast<long>(cache.Keys().size())}});
}

void Module${N}_Stop() {
  std::size_t evicted = Cache${N}Instance().Evict(0);
  base::LogInfo("${STEM}", "evicted " + std::to_string(evicted));
}

}  // namespace svc
"""

CACHE_MISSES_LOCKED = """\
std::size_t Cache${N}::misses() const {
  base::MutexLock lock(&mu_);
  return misses_;
}"""

# The seeded race: a read of a guarded counter with the lock forgotten, from a pool task.
CACHE_MISSES_UNLOCKED = """\
std::size_t Cache${N}::misses() const {
  return misses_;  // no lock: an approximate figure was thought good enough
}"""

CACHE_EPILOGUE_RACY = """\
if (cache.misses() > 1000)
        base::LogError("${STEM}", "cache too small");"""

# A worker thread (std::thread) draining a job queue under std::mutex + condition_variable.
WORKER_H = """\
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <thread>

#include "base/thread_pool.h"

namespace svc {

// Applies jobs in arrival order on its own thread.
class Worker${N} {
 public:
  Worker${N}() = default;
  ~Worker${N}();

  void Start();
  void Stop();
  void Push(std::string job);
  std::size_t processed() const;
  std::string last_job() const;
  std::map<std::string, int> Tally() const;

 private:
  void Run();

  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::string> jobs_;      // guarded by mu_
  std::map<std::string, int> tally_;  // guarded by mu_
  std::string last_job_;              // guarded by mu_
  std::size_t processed_ = 0;         // guarded by mu_
  bool stop_ = false;                 // guarded by mu_
  bool started_ = false;              // guarded by mu_
  std::thread thread_;
};

Worker${N}& Worker${N}Instance();
""" + MODULE_API + """
}  // namespace svc
"""

WORKER_CPP = MODULE_INCLUDES + "\n" + MODULE_HELPERS + """
namespace svc {

Worker${N}& Worker${N}Instance() {
  static Worker${N} worker;
  return worker;
}

Worker${N}::~Worker${N}() { Stop(); }

void Worker${N}::Start() {
  std::lock_guard<std::mutex> lock(mu_);
  if (started_)
    return;
  started_ = true;
  thread_ = std::thread(&Worker${N}::Run, this);
}

void Worker${N}::Stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable())
    thread_.join();
}

void Worker${N}::Push(std::string job) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    jobs_.push_back(std::move(job));
  }
  cv_.notify_one();
}

std::size_t Worker${N}::processed() const {
  std::lock_guard<std::mutex> lock(mu_);
  return processed_;
}

std::string Worker${N}::last_job() const {
  std::lock_guard<std::mutex> lock(mu_);
  return last_job_;
}

std::map<std::string, int> Worker${N}::Tally() const {
  std::lock_guard<std::mutex> lock(mu_);
  return tally_;
}

void Worker${N}::Run() {
  for (;;) {
    std::string job;
    {
      std::unique_lock<std::mutex> lock(mu_);
      cv_.wait(lock, [this] { return stop_ || !jobs_.empty(); });
      if (jobs_.empty())
        return;
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    std::vector<std::pair<std::string, std::string>> pairs = ParsePairs(job);
${RUN_RECORD}
  }
}

void Module${N}_Start(base::ThreadPool& pool) {
  Worker${N}Instance().Start();
  for (int task = 0; task < 2; ++task) {
    pool.Submit([task] {
      for (int step = 0; step < 30; ++step) {
        Worker${N}Instance().Push(MakeEvent(task, step));
        if (step % 15 == 0)
          Module${NEXT}_Notify(MakeEvent(step, task));
      }
    });
  }
}

void Module${N}_Notify(const std::string& event) { Worker${N}Instance().Push(event); }

std::string Module${N}_Report() {
  Worker${N}& worker = Worker${N}Instance();
  std::vector<std::pair<std::string, long>> rows;
  for (const auto& [key, count] : worker.Tally())
    rows.emplace_back("${STEM}." + key, count);
  rows.emplace_back("${STEM}.processed", static_cast<long>(worker.processed()));
  return RenderTable(std::move(rows)) + "last: " + worker.last_job() + "\\n";
}

void Module${N}_Stop() { Worker${N}Instance().Stop(); }

}  // namespace svc
"""

WORKER_RECORD_LOCKED = """\
    std::lock_guard<std::mutex> lock(mu_);
    for (const auto& pair : pairs)
      ++tally_[pair.first];
    last_job_ = std::move(job);
    ++processed_;"""

# The seeded race: last_job_ written after the lock's scope ended (a refactoring slip).
WORKER_RECORD_RACY = """\
    {
      std::lock_guard<std::mutex> lock(mu_);
      for (const auto& pair : pairs)
        ++tally_[pair.first];
      ++processed_;
    }
    last_job_ = std::move(job);"""

# A sampler on a pthread, guarded by the project's own Mutex, with a global round counter.
POLLER_H = """\
#pragma once

#include <pthread.h>

#include <cstddef>
#include <string>
#include <vector>

#include "base/mutex.h"
#include "base/thread_pool.h"

namespace svc {

// Samples a value on its own pthread until stopped or its rounds are used up.
class Poller${N} {
 public:
  void Start();
  void Stop();
  void Record(int value);
  std::vector<int> Samples() const;
  long Sum() const;

 private:
  static void* ThreadMain(void* self);
  void Loop();

  mutable base::Mutex mu_;
  std::vector<int> samples_;  // guarded by mu_
  int pending_ = 0;           // guarded by mu_
  bool running_ = false;      // guarded by mu_
  bool started_ = false;      // touched by the starting thread only
  pthread_t thread_{};
};

extern long g_${STEM}_rounds;

Poller${N}& Poller${N}Instance();
""" + MODULE_API + """
}  // namespace svc
"""

POLLER_CPP = MODULE_INCLUDES + "\n" + MODULE_HELPERS + """
namespace svc {

long g_${STEM}_rounds = 0;

namespace {
base::Mutex rounds_mu;  // guards g_${STEM}_rounds
}  // namespace

Poller${N}& Poller${N}Instance() {
  static Poller${N} poller;
  return poller;
}

void Poller${N}::Start() {
  {
    base::MutexLock lock(&mu_);
    running_ = true;
  }
  started_ = pthread_create(&thread_, nullptr, &Poller${N}::ThreadMain, this) == 0;
}

void Poller${N}::Stop() {
  {
    base::MutexLock lock(&mu_);
    running_ = false;
  }
  if (started_) {
    pthread_join(thread_, nullptr);
    started_ = false;
  }
}

void* Poller${N}::ThreadMain(void* self) {
  static_cast<Poller${N}*>(self)->Loop();
  return nullptr;
}

void Poller${N}::Loop() {
  for (int round = 0; round < ${ROUNDS}; ++round) {
    {
      base::MutexLock lock(&mu_);
      if (!running_)
        break;
      samples_.push_back(pending_ + round % 7);
      pending_ = 0;
    }
${ROUND_COUNT}
  }
}

void Poller${N}::Record(int value) {
  base::MutexLock lock(&mu_);
  pending_ += value;
}

std::vector<int> Poller${N}::Samples() const {
  base::MutexLock lock(&mu_);
  return samples_;
}

long Poller${N}::Sum() const {
  base::MutexLock lock(&mu_);
  long sum = 0;
  for (int sample : samples_)
    sum += sample;
  return sum;
}

void Module${N}_Start(base::ThreadPool& pool) {
  Poller${N}Instance().Start();
  pool.Submit([] {
    for (int step = 0; step < 25; ++step) {
      std::string event = MakeEvent(${N_INT}, step);
      Poller${N}Instance().Record(static_cast<int>(event.size()));
      if (step % 12 == 0)
        Module${NEXT}_Notify(event);
    }
  });
}

void Module${N}_Notify(const std::string& event) {
  Poller${N}Instance().Record(static_cast<int>(ParsePairs(event).size()));
}

std::string Module${N}_Report() {
  Poller${N}& poller = Poller${N}Instance();
  long rounds;
  {
    base::MutexLock lock(&rounds_mu);
    rounds = g_${STEM}_rounds;
  }
  return RenderTable({{"${STEM}.samples", static_cast<long>(poller.Samples().size())},
                      {"${STEM}.sum", poller.Sum()},
                      {"${STEM}.rounds", rounds}});
}

void Module${N}_Stop() { Poller${N}Instance().Stop(); }

}  // namespace svc
"""

POLLER_COUNT_LOCKED = """\
    base::MutexLock lock(&rounds_mu);
    ++g_${STEM}_rounds;"""

# The seeded race: the global bumped on the poller thread without its mutex.
POLLER_COUNT_RACY = """\
    ++g_${STEM}_rounds;  // the report reads it under rounds_mu; this write forgot"""

# A session table behind std::mutex whose listeners (std::function) run outside the lock.
SESSIONS_H = """\
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "base/thread_pool.h"

namespace svc {

struct Session${N} {
  std::string id;
  std::string user;
  int requests = 0;
};

// Open sessions by id; listeners hear of every change, outside the lock.
class SessionTable${N} {
 public:
  using Listener = std::function<void(const Session${N}&)>;

  void AddListener(Listener listener);
  void Open(const std::string& id, const std::string& user);
  void Touch(const std::string& id);
  bool Close(const std::string& id);
  std::size_t size() const;
  std::size_t touches() const;

 private:
  void Tell(const Session${N}& session);

  mutable std::mutex mu_;
  std::map<std::string, Session${N}> sessions_;  // guarded by mu_
  std::vector<Listener> listeners_;              // guarded by mu_
  std::size_t touches_ = 0;                      // guarded by mu_
};

SessionTable${N}& SessionTable${N}Instance();
""" + MODULE_API + """
}  // namespace svc
"""

SESSIONS_CPP = MODULE_INCLUDES + "\n" + MODULE_HELPERS + """
namespace svc {

SessionTable${N}& SessionTable${N}Instance() {
  static SessionTable${N} table;
  return table;
}

void SessionTable${N}::AddListener(Listener listener) {
  std::lock_guard<std::mutex> lock(mu_);
  listeners_.push_back(std::move(listener));
}

void SessionTable${N}::Open(const std::string& id, const std::string& user) {
  Session${N} copy;
  {
    std::lock_guard<std::mutex> lock(mu_);
    Session${N}& session = sessions_[id];
    session.id = id;
    session.user = user;
    copy = session;
  }
  Tell(copy);
}

void SessionTable${N}::Touch(const std::string& id) {
  std::unique_lock<std::mutex> lock(mu_);
  auto it = sessions_.find(id);
  if (it == sessions_.end())
    return;
  ++it->second.requests;
  Session${N} copy = it->second;
  lock.unlock();
${TOUCH_COUNT}
  Tell(copy);
}

bool SessionTable${N}::Close(const std::string& id) {
  std::lock_guard<std::mutex> lock(mu_);
  return sessions_.erase(id) > 0;
}

std::size_t SessionTable${N}::size() const {
  std::lock_guard<std::mutex> lock(mu_);
  return sessions_.size();
}

std::size_t SessionTable${N}::touches() const {
  std::lock_guard<std::mutex> lock(mu_);
  return touches_;
}

void SessionTable${N}::Tell(const Session${N}& session) {
  std::vector<Listener> listeners;
  {
    std::lock_guard<std::mutex> lock(mu_);
    listeners = listeners_;
  }
  for (const Listener& listener : listeners)
    listener(session);
}

void Module${N}_Start(base::ThreadPool& pool) {
  SessionTable${N}Instance().AddListener([](const Session${N}& session) {
    base::Metrics::Get().Add("${STEM}.events", 1);
    if (session.requests > 20)
      base::LogInfo("${STEM}", "busy session " + session.id);
  });
  for (int task = 0; task < 3; ++task) {
    pool.Submit([task] {
      SessionTable${N}& table = SessionTable${N}Instance();
      std::string id = "s" + std::to_string(task);
      table.Open(id, "user" + Checksum(id));
      for (int step = 0; step < 20; ++step) {
        table.Touch(id);
${REQUEST_COUNT}
        if (step % 10 == 0)
          Module${NEXT}_Notify(MakeEvent(task, step));
      }
    });
  }
}

void Module${N}_Notify(const std::string& event) {
  for (const auto& [key, value] : ParsePairs(event))
    if (key == "task")
      SessionTable${N}Instance().Touch("s" + value);
}

std::string Module${N}_Report() {
  SessionTable${N}& table = SessionTable${N}Instance();
  return RenderTable({{"${STEM}.open", static_cast<long>(table.size())},
                      {"${STEM}.touches", static_cast<long>(table.touches())},
                      {"${STEM}.events", base::Metrics::Get().Value("${STEM}.events")}});
}

void Module${N}_Stop() {
  for (int task = 0; task < 3; ++task)
    SessionTable${N}Instance().Close("s" + std::to_string(task));
}

}  // namespace svc
"""

SESSIONS_TOUCH_LOCKED = """\
  lock.lock();
  ++touches_;
  lock.unlock();"""

# The seeded race: the counter bumped after the early unlock.
SESSIONS_TOUCH_RACY = """\
  ++touches_;"""

SESSIONS_REQUESTS_LOCKED = """\
        base::Metrics::Get().Add("requests", 1);"""

# The seeded race: the process-wide request counter of base/logging.h, bumped unlocked.
SESSIONS_REQUESTS_RACY = """\
        ++base::g_requests_total;"""


def module_values(index, modules):
    """The template values of module `index` out of `modules`."""
    nxt = (index + 1) % modules
    return {"N": f"{index:03d}", "N_INT": str(index), "STEM": module_stem(index),
            "NEXT": f"{nxt:03d}", "NEXT_STEM": module_stem(nxt),
            "SEED": str(1000003 * (index + 1) % 65521),
            "CAPACITY": str(64 + 16 * (index % 5)), "ROUNDS": str(200 + 10 * (index % 7))}


def module_sources(index, modules):
    """(header text, source text) of module `index`."""
    values = module_values(index, modules)
    racy = module_is_racy(index)
    kind = module_kind(index)
    if kind == "cache":
        values["MISSES_ACCESSOR"] = fill(CACHE_MISSES_UNLOCKED if racy else CACHE_MISSES_LOCKED,
                                         **values)
        values["TASK_EPILOGUE"] = fill(CACHE_EPILOGUE_RACY, **values) if racy else ""
        return fill(CACHE_H, **values), fill(CACHE_CPP, **values)
    if kind == "worker":
        values["RUN_RECORD"] = WORKER_RECORD_RACY if racy else WORKER_RECORD_LOCKED
        return fill(WORKER_H, **values), fill(WORKER_CPP, **values)
    if kind == "poller":
        values["ROUND_COUNT"] = fill(POLLER_COUNT_RACY if racy else POLLER_COUNT_LOCKED, **values)
        return fill(POLLER_H, **values), fill(POLLER_CPP, **values)
    values["TOUCH_COUNT"] = SESSIONS_TOUCH_RACY if racy else SESSIONS_TOUCH_LOCKED
    values["REQUEST_COUNT"] = SESSIONS_REQUESTS_RACY if racy else SESSIONS_REQUESTS_LOCKED
    return fill(SESSIONS_H, **values), fill(SESSIONS_CPP, **values)


def main_source(modules):
    """main.cpp: starts every module on one pool, waits, prints the reports, stops them."""
    stems = [module_stem(i) for i in range(modules)]
    ids = [f"{i:03d}" for i in range(modules)]
    includes = "".join(f'#include "svc/{s}.h"\n' for s in stems)
    starts = "".join(f"  svc::Module{n}_Start(pool);\n" for n in ids)
    reports = "".join(f"  report += svc::Module{n}_Report();\n" for n in ids)
    stops = "".join(f"  svc::Module{n}_Stop();\n" for n in ids)
    return f"""\
// Starts every module's work on one pool, then prints the status page.
#include <cstdio>
#include <string>
#include <thread>

#include "base/logging.h"
#include "base/thread_pool.h"
{includes}
namespace {{

// The status page's header: read while the modules may still be writing (racy by design).
std::string Banner() {{
  return "requests " + std::to_string(base::g_requests_total) + ", dropped log lines " +
         std::to_string(base::Logger::Get().dropped()) + "\\n";
}}

}}  // namespace

int main() {{
  unsigned cores = std::thread::hardware_concurrency();
  base::ThreadPool pool(cores > 1 ? cores : 2);
{starts}  std::string report = Banner();
  pool.Wait();
{reports}{stops}  for (const std::string& line : base::Logger::Get().TakeLines())
    std::puts(line.c_str());
  std::fputs(report.c_str(), stdout);
  return 0;
}}
"""


def project_files(files, annotate=False):
    """{relative path: text} of the whole project of `files` translation units."""
    modules = module_count(files)
    out = {"src/base/mutex.h": mutex_header(annotate), "src/base/thread_pool.h": THREAD_POOL_H,
           "src/base/thread_pool.cpp": THREAD_POOL_CPP, "src/base/logging.h": LOGGING_H,
           "src/base/logging.cpp": LOGGING_CPP, "src/main.cpp": main_source(modules)}
    for i in range(modules):
        header, source = module_sources(i, modules)
        out[f"src/svc/{module_stem(i)}.h"] = header
        out[f"src/svc/{module_stem(i)}.cpp"] = source
    return out


def translation_units(files):
    """The project's .cpp files, relative to src/, in build order."""
    return CORE_UNITS[:-1] + [f"svc/{module_stem(i)}.cpp" for i in range(module_count(files))] \
        + CORE_UNITS[-1:]


def object_name(unit):
    return "obj/" + unit[:-len(".cpp")] + ".o"


def compile_database(root, files, cxx):
    """compile_commands.json entries: each a real `-c` compile into build/obj/, run in build/."""
    build = os.path.join(root, "build")
    src = os.path.join(root, "src")
    return [{"directory": build, "file": os.path.join(src, unit), "output": object_name(unit),
             "arguments": [cxx] + FLAGS + ["-I", src, "-o", object_name(unit), "-c",
                                           os.path.join(src, unit)]}
            for unit in translation_units(files)]


def makefile(files, cxx):
    """A Makefile that builds the program the same way (make -C OUT), for checking by hand."""
    objs = " ".join("build/" + object_name(u) for u in translation_units(files))
    return (f"CXX = {cxx}\nCXXFLAGS = {' '.join(FLAGS)} -Isrc\n\n"
            f"build/service: {objs}\n\t$(CXX) -pthread -o $@ $^\n\n"
            "build/obj/%.o: src/%.cpp\n\t@mkdir -p $(dir $@)\n\t$(CXX) $(CXXFLAGS) -c $< -o $@\n")


def write_if_changed(path, text):
    """Writes only changed files, so regenerating the same project keeps make's timestamps."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if os.path.exists(path):
        with open(path) as f:
            if f.read() == text:
                return
    with open(path, "w") as f:
        f.write(text)


def generate(root, files, cxx, annotate=False):
    """Writes the project under `root`; returns the number of translation units."""
    root = os.path.abspath(root)
    for rel, text in sorted(project_files(files, annotate).items()):
        write_if_changed(os.path.join(root, rel), text)
    for unit in translation_units(files):  # the compile commands' -o directories must exist
        os.makedirs(os.path.dirname(os.path.join(root, "build", object_name(unit))),
                    exist_ok=True)
    write_if_changed(os.path.join(root, "Makefile"), makefile(files, cxx))
    database = compile_database(root, files, cxx)
    write_if_changed(os.path.join(root, "build", "compile_commands.json"),
                     json.dumps(database, indent=2) + "\n")
    return len(database)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir")
    parser.add_argument("--files", type=int, default=100, help="translation units (>= 4)")
    parser.add_argument("--cxx", default="g++", help="compiler named in compile_commands.json")
    parser.add_argument("--annotate", action="store_true",
                        help="Clang thread-safety attributes on the project's Mutex and MutexLock")
    args = parser.parse_args()
    if args.files < len(CORE_UNITS) + 1:
        parser.error(f"--files must be at least {len(CORE_UNITS) + 1}")
    units = generate(args.out_dir, args.files, args.cxx, args.annotate)
    print(f"gen_project: {units} translation units in {os.path.abspath(args.out_dir)}; "
          f"compile_commands.json in build/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
