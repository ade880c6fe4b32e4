// Findings are built from raw records in a fixed order (threads by id, frames innermost first) and
// name threads by their runtime ids, which the serialising scheduler hands out deterministically.
#include "ReportBuilder.h"

#include "Process.h"
#include "VariableNaming.h"

#include "weft/protocol.h"
#include "weft/report/Rules.h"

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cxxabi.h>
#include <filesystem>
#include <set>
#include <tuple>

namespace weft::run {
namespace {

using report::Finding;
using report::Location;
using report::RelatedLocation;
using report::StackFrame;
using report::ThreadInfo;

std::string threadName(int tid) { return tid == 0 ? "main" : "T" + std::to_string(tid); }
std::string threadWords(int tid) {
  return tid == 0 ? "the main thread" : "thread " + threadName(tid);
}

bool isLockRule(const std::string &rule) {
  return rule == "deadlock" || rule == "lock-order-inversion" || rule == "double-lock" ||
         rule == "unlock-not-held" || rule == "destroy-while-held" || rule == "lock-leak";
}

const char *accessWords(const RawAccess &a) {
  if (a.atomic)
    return a.write ? "atomic write" : "atomic read";
  return a.write ? "write" : "read";
}

std::string hexOffset(std::uint64_t v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(v));
  return buf;
}

// The line of the program's stderr that glibc's assert() writes, if any.
std::string assertionLine(const std::string &stderrTail) {
  std::size_t pos = stderrTail.rfind("Assertion `");
  if (pos == std::string::npos)
    return {};
  std::size_t begin = stderrTail.rfind('\n', pos);
  begin = begin == std::string::npos ? 0 : begin + 1;
  std::size_t end = stderrTail.find('\n', pos);
  return trim(stderrTail.substr(begin, end == std::string::npos ? end : end - begin));
}

// `uncaught exception std::runtime_error: "queue full"` (the type demangled, what() quoted).
std::string uncaughtExceptionMessage(const RawFinding &raw) {
  int status = 0;
  char *type = abi::__cxa_demangle(raw.exceptionType.c_str(), nullptr, nullptr, &status);
  std::string message = "uncaught exception " + (type ? std::string(type) : raw.exceptionType);
  std::free(type);
  if (raw.exceptionWhat)
    message += ": \"" + raw.text + "\"";
  return message;
}

} // namespace

bool runFailed(const RunResult &run) {
  const ProcessEnd &end = run.end;
  return !run.record.findings.empty() || end.timedOut || end.signaled ||
         (end.exited && end.status == WEFT_EXIT_FINDING);
}

ReportBuilder::ReportBuilder(std::string root, std::string program)
    : root_(std::move(root)), program_(std::move(program)) {}

std::string ReportBuilder::relative(const std::string &path) const {
  if (path.empty())
    return path;
  std::string normal = std::filesystem::path(path).lexically_normal().string();
  if (!root_.empty() && normal.size() > root_.size() &&
      normal.compare(0, root_.size(), root_) == 0 && normal[root_.size()] == '/')
    return normal.substr(root_.size() + 1);
  return normal;
}

ReportBuilder::Resolved ReportBuilder::resolve(const RunRecord &record,
                                               std::uint64_t address) const {
  const Module *best = nullptr;
  for (const Module &m : record.modules)
    if (m.base <= address && (!best || m.base > best->base))
      best = &m;
  Resolved r;
  if (!best)
    return r;
  r.found = true;
  r.module = best->path.empty() ? program_ : best->path;
  r.offset = address - best->base;
  return r;
}

std::string ReportBuilder::modulePc(const RunRecord &record, std::uint64_t pc) const {
  Resolved r = resolve(record, pc);
  return r.found ? r.module + "+" + hexOffset(r.offset) : std::string();
}

std::vector<StackFrame> ReportBuilder::stack(const RunRecord &record,
                                             const std::vector<std::uint64_t> &pcs) {
  std::vector<StackFrame> frames;
  for (std::uint64_t pc : pcs) {
    Resolved r = resolve(record, pc);
    if (!r.found)
      continue;
    // Every address in a stack is a return address (or the return address of the hook call for
    // the access): the instruction that made the call is the one before it.
    const auto &locations = symbolizer_.code(r.module, r.offset > 0 ? r.offset - 1 : 0);
    std::string module = relative(r.module);
    if (locations.empty()) {
      StackFrame f;
      f.module = module;
      f.offset = r.offset;
      frames.push_back(std::move(f));
      continue;
    }
    for (const CodeLocation &loc : locations) {
      // weft's own runtime (linked into the program: the thread trampoline that calls a start
      // routine) is no frame of the user's program.
      if (loc.function.rfind("weft::", 0) == 0)
        continue;
      StackFrame f;
      f.function = loc.function;
      const std::string &file = sourcePath(loc.file);
      f.location.file = relative(file);
      f.location.line = loc.line;
      f.location.column = loc.column;
      f.location.snippet = trim(sources_.line(file, loc.line));
      f.module = module;
      f.offset = r.offset;
      frames.push_back(std::move(f));
    }
  }
  return frames;
}

const std::string &ReportBuilder::sourcePath(const std::string &file) {
  auto [it, added] = sourcePaths_.emplace(file, file);
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!added || file.empty() || file[0] == '/' || fs::exists(fs::path(root_) / file, ec))
    return it->second;
  for (fs::path dir = fs::path(program_).parent_path(); dir.has_relative_path();
       dir = dir.parent_path())
    if (fs::exists(dir / file, ec)) {
      it->second = (dir / file).lexically_normal().string();
      break;
    }
  return it->second;
}

bool ReportBuilder::splitMessageLocation(const std::string &message, Location *at,
                                         std::string *rest) {
  // "path:line: ...", as glibc's assert and weft/gtest.h (GoogleTest's failure) write it: where
  // the failing check is written when the stack shows only library frames (GoogleTest's).
  std::size_t colon = message.find(':');
  if (colon == std::string::npos || colon == 0)
    return false;
  std::size_t end = message.find_first_not_of("0123456789", colon + 1);
  if (end == colon + 1 || end == std::string::npos || message.compare(end, 2, ": ") != 0)
    return false;
  at->file = message.substr(0, colon);
  at->line = std::stoi(message.substr(colon + 1, end - colon - 1));
  at->column = 0;
  at->snippet = trim(sources_.line(at->file, at->line));
  *rest = message.substr(end + 2);
  return true;
}

Location ReportBuilder::userLocation(const std::vector<StackFrame> &frames, bool anyFile) const {
  // The innermost frame in the user's own code: below the root, else anything outside /usr
  // (system headers: an access inside std::vector is the user's bug one frame up).
  // A relative path is below the root only if it exists there: debug info without a compilation
  // directory (glibc's `sysdeps/...`) also gives relative paths.
  std::error_code ec;
  for (const StackFrame &f : frames)
    if (!f.location.file.empty() && f.location.file[0] != '/' &&
        std::filesystem::exists(std::filesystem::path(root_) / f.location.file, ec))
      return f.location;
  for (const StackFrame &f : frames)
    if (f.location.file.rfind("/usr/", 0) != 0 && f.location.file[0] == '/')
      return f.location;
  for (const StackFrame &f : frames)
    if (anyFile && !f.location.file.empty())
      return f.location;
  return {};
}

ReportBuilder::GlobalAt ReportBuilder::globalAt(const RunRecord &record, std::uint64_t addr) {
  GlobalAt g;
  if (Resolved r = resolve(record, addr); r.found) {
    g.symbol = symbolizer_.data(r.module, r.offset);
    if (g.symbol)
      g.offset = r.offset - g.symbol->start;
  }
  return g;
}

AccessSite ReportBuilder::siteAt(const Location &at) {
  AccessSite site;
  site.file = at.file.empty() || at.file[0] == '/' ? at.file : root_ + "/" + at.file;
  site.line = at.line;
  site.column = at.column;
  site.lineText = sources_.line(site.file, at.line);
  return site;
}

std::string ReportBuilder::dataName(const RunRecord &record, std::uint64_t addr, const Location &at,
                                    bool read) {
  GlobalAt g = globalAt(record, addr);
  AccessSite site = siteAt(at);
  site.read = read;
  return nameVariable(g.symbol, g.offset, site);
}

std::string ReportBuilder::lockName(const RunRecord &record, std::uint64_t addr,
                                    const std::vector<std::uint64_t> &at) {
  if (addr == 0)
    return {};
  GlobalAt g = globalAt(record, addr);
  if (g.symbol && g.offset == 0)
    return g.symbol->name;
  Location where = at.empty() ? Location{} : userLocation(stack(record, at));
  if (where.file.empty())
    return {};
  return nameLock(g.symbol, g.offset, siteAt(where));
}

std::string ReportBuilder::lockText(const RunRecord &record, const std::vector<std::uint64_t> &at) {
  Location where = at.empty() ? Location{} : userLocation(stack(record, at));
  if (where.file.empty())
    return {};
  AccessSite site = siteAt(where);
  return lockArgumentAt(site.lineText, site.column).first;
}

void ReportBuilder::addThreads(const RunResult &run, const RawFinding *raw, std::vector<int> ids,
                               Finding &finding) {
  const RunRecord &record = run.record;
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  for (int id : ids) {
    ThreadInfo t;
    t.id = id;
    t.name = threadName(id);
    if (auto it = record.threads.find(id); it != record.threads.end() && id != 0) {
      // Only a place in the user's code: glibc's `libc_start_call_main.h` says nothing.
      Location at = userLocation(stack(record, it->second.stack), false);
      if (!at.file.empty())
        t.created_at = at;
    }
    if (raw) {
      for (const RawThreadEvent &s : raw->threadStates)
        if (s.tid == id) {
          t.state = s.state;
          t.stack = stack(record, s.stack);
        }
      for (const RawThreadEvent &b : raw->blocked)
        if (b.tid == id) {
          t.state = "blocked";
          std::string lock = lockName(record, b.addr, b.stack);
          t.blocked_on = b.op + (lock.empty() ? "" : "(&" + lock + ")");
          t.stack = stack(record, b.stack);
        }
      if (t.state.empty() && id == raw->tid)
        t.state = "running";
      if (t.stack.empty() && id == raw->tid && !raw->accesses.empty())
        t.stack = stack(record, raw->accesses.front().stack);
    }
    finding.threads.push_back(std::move(t));
  }
  // Where each thread other than main was created, as related locations a reader can jump to.
  for (const ThreadInfo &t : finding.threads)
    if (t.created_at) {
      RelatedLocation r;
      r.message = threadWords(t.id) + " created here";
      r.location = *t.created_at;
      if (auto it = record.threads.find(t.id); it != record.threads.end())
        r.stack = stack(record, it->second.stack);
      finding.related.push_back(std::move(r));
    }
}

Finding ReportBuilder::fromRaw(const RunResult &run, const RawFinding &raw) {
  const RunRecord &record = run.record;
  Finding f;
  f.rule = raw.rule;
  f.severity = report::ruleSeverity(raw.rule);
  f.message = raw.exceptionType.empty() ? raw.text : uncaughtExceptionMessage(raw);
  std::vector<int> ids{raw.tid};

  // A cycle has no first edge: which one closed it depends on the schedule. Start it at the edge
  // that comes first in the source, so every run reports the same finding (and fingerprint).
  std::size_t firstEdge = 0;
  if (raw.rule == "lock-order-inversion") {
    auto key = [&](std::size_t i) {
      Location l = userLocation(stack(record, raw.locks[i].stack));
      return std::make_tuple(l.file, l.line, l.column, i);
    };
    for (std::size_t i = 1; i < raw.locks.size(); ++i)
      if (key(i) < key(firstEdge))
        firstEdge = i;
  }

  const std::vector<std::uint64_t> *primary = nullptr;
  if (raw.rule == "data-race" && !raw.accesses.empty()) {
    primary = &raw.accesses.front().stack;
  } else if (raw.rule == "deadlock" && !raw.blocked.empty()) {
    primary = &raw.blocked.front().stack;
    for (const RawThreadEvent &b : raw.blocked)
      if (b.tid == raw.tid)
        primary = &b.stack;
  } else if (raw.rule == "lock-order-inversion" && !raw.locks.empty()) {
    primary = &raw.locks[firstEdge].stack;
  }
  for (const RawThreadEvent &s : raw.threadStates)
    if (!primary && s.tid == raw.tid)
      primary = &s.stack;
  if (!primary && !raw.accesses.empty())
    primary = &raw.accesses.front().stack;
  if (!primary && !raw.locks.empty())
    primary = &raw.locks.front().stack;
  if (!primary && !raw.blocked.empty())
    primary = &raw.blocked.front().stack;
  if (primary)
    f.stack = stack(record, *primary);
  f.location = userLocation(f.stack);
  // With no line of the program on the stack, the location the message names; the location
  // then says it, the message need not.
  if (raw.rule == "assertion-failure" && f.location.file.empty())
    splitMessageLocation(f.message, &f.location, &f.message);

  if (raw.rule == "data-race") {
    // An access whose own frames carry no line (code the compiler merged, line 0) is shown, and
    // named, at the other access of the pair, which is the same memory.
    auto systemOrNone = [](const Location &l) {
      return l.file.empty() || l.line == 0 || l.file.rfind("/usr/", 0) == 0;
    };
    const RawAccess *shown = raw.accesses.empty() ? nullptr : &raw.accesses[0];
    if (systemOrNone(f.location) && raw.accesses.size() >= 2) {
      Location other = userLocation(stack(record, raw.accesses[1].stack));
      if (!systemOrNone(other)) {
        f.location = other;
        shown = &raw.accesses[1];
      }
    }
    std::uint64_t addr = raw.addr ? raw.addr : raw.accesses.empty() ? 0 : raw.accesses[0].addr;
    f.variable = dataName(record, addr, f.location, shown && !shown->write);
    for (std::size_t i = 1; i < raw.accesses.size(); ++i) {
      const RawAccess &a = raw.accesses[i];
      RelatedLocation r;
      r.message = std::string("previous ") + accessWords(a) + " by " + threadWords(a.tid);
      r.stack = stack(record, a.stack);
      r.location = userLocation(r.stack);
      f.related.push_back(std::move(r));
    }
    if (raw.accesses.size() >= 2) {
      const RawAccess &now = raw.accesses[0], &before = raw.accesses[1];
      std::string what = f.variable.empty() ? "" : " on '" + f.variable + "'";
      f.message = "data race" + what + ": " + accessWords(now) + " by " + threadWords(now.tid) +
                  " races with a previous " + accessWords(before) + " by " +
                  threadWords(before.tid);
    }
  } else if (isLockRule(raw.rule) && raw.rule != "lock-order-inversion") {
    // The lock's name at the operation that went wrong, else where it was taken.
    for (const RawThreadEvent &l : raw.locks)
      if (f.variable.empty() && l.addr == raw.addr)
        f.variable = lockName(record, raw.addr, l.stack);
    for (const RawThreadEvent &b : raw.blocked)
      if (f.variable.empty() && b.addr == raw.addr)
        f.variable = lockName(record, raw.addr, b.stack);
    if (f.variable.empty())
      f.variable = lockName(record, raw.addr);
    // The runtime's text says what went wrong in general; say who and which lock.
    if (f.message.rfind("a thread ", 0) == 0)
      f.message = threadWords(raw.tid) + f.message.substr(8);
    if (!f.variable.empty() && raw.rule != "deadlock") // a deadlock names its locks per thread
      f.message += ": '" + f.variable + "'";
  }
  for (const RawAccess &a : raw.accesses)
    ids.push_back(a.tid);
  for (std::size_t k = 0; k < raw.locks.size(); ++k) {
    const RawThreadEvent &l = raw.locks[(firstEdge + k) % raw.locks.size()];
    ids.push_back(l.tid);
    std::string taken = lockName(record, l.addr, l.stack);
    std::string held = l.held ? lockName(record, l.held, l.heldStack) : std::string();
    if (!taken.empty() && taken == held) {
      // Two locks of one class (`Account::mu`): the expressions written at the calls tell them
      // apart (`to->mu` while holding `from->mu`).
      std::string a = lockText(record, l.stack), h = lockText(record, l.heldStack);
      if (!a.empty() && !h.empty() && a != h)
        taken = a, held = h;
    }
    auto quoted = [](const std::string &name) {
      return name.empty() ? std::string("a lock") : "'" + name + "'";
    };
    std::string edge = threadWords(l.tid) + " acquires " + quoted(taken) +
                       (l.held ? " while holding " + quoted(held) : std::string());
    if (k == 0) {
      f.variable = lockName(record, l.addr, l.stack);
      if (l.held)
        f.message = "lock-order inversion: " + edge + ", and the other order is taken too";
      continue;
    }
    RelatedLocation r;
    r.message = edge + " here";
    r.stack = stack(record, l.stack);
    r.location = userLocation(r.stack);
    f.related.push_back(std::move(r));
  }
  for (const RawThreadEvent &b : raw.blocked) {
    ids.push_back(b.tid);
    if (primary == &b.stack)
      continue;
    RelatedLocation r;
    std::string lock = lockName(record, b.addr, b.stack);
    r.message =
        threadWords(b.tid) + " is blocked in " + b.op + (lock.empty() ? "" : "(&" + lock + ")");
    r.stack = stack(record, b.stack);
    r.location = userLocation(r.stack);
    f.related.push_back(std::move(r));
  }
  for (const RawThreadEvent &s : raw.threadStates)
    ids.push_back(s.tid);
  if (f.message.empty())
    f.message = raw.rule;
  addThreads(run, &raw, ids, f);
  return f;
}

Finding ReportBuilder::synthesized(const RunResult &run, double timeoutSeconds) {
  const ProcessEnd &end = run.end;
  Finding f;
  if (end.timedOut) {
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%g", timeoutSeconds);
    f.rule = "timeout";
    f.message = std::string("the program did not finish within ") + seconds +
                " s and was killed: a thread may wait in a system call weft does not model "
                "(read, poll, accept...) or loop without reaching a scheduling point";
  } else if (end.signaled && end.signal == SIGABRT && !assertionLine(end.stderrTail).empty()) {
    f.rule = "assertion-failure";
    f.message = "assertion failed: " + assertionLine(end.stderrTail);
  } else if (end.signaled) {
    f.rule = "crash";
    f.message = "the program was " + describeEnd(end);
  } else {
    f.rule = "crash";
    f.message = "the runtime ended the run (status 66) without describing a finding";
  }
  f.severity = report::ruleSeverity(f.rule);
  std::vector<int> ids{0};
  for (const auto &[id, thread] : run.record.threads)
    ids.push_back(id);
  addThreads(run, nullptr, ids, f);
  return f;
}

std::vector<Finding> ReportBuilder::findings(const RunResult &run, const std::string &strategy,
                                             double timeoutSeconds) {
  std::vector<Finding> out;
  for (const RawFinding &raw : run.record.findings)
    out.push_back(fromRaw(run, raw));
  // A run the driver killed says so even when it reported something before (the findings it
  // made are real; what came after the cut was never seen).
  if ((out.empty() && runFailed(run)) || run.end.timedOut)
    out.push_back(synthesized(run, timeoutSeconds));
  for (Finding &f : out) {
    report::Schedule s;
    s.strategy = strategy;
    s.seed = run.seed;
    s.iteration = run.iteration;
    s.choices = run.record.choices;
    f.schedule = std::move(s);
  }
  return out;
}

std::string ReportBuilder::failureKey(const RunResult &run) const {
  const RunRecord &record = run.record;
  auto top = [&](const std::vector<std::uint64_t> &stack) {
    return stack.empty() ? std::string("-") : modulePc(record, stack.front());
  };
  std::string key;
  for (const RawFinding &raw : record.findings) {
    key += raw.rule + "|";
    for (const RawAccess &a : raw.accesses)
      key += top(a.stack) + (a.write ? "w" : "r") + ",";
    for (const RawThreadEvent &l : raw.locks)
      key += top(l.stack) + ",";
    for (const RawThreadEvent &b : raw.blocked)
      key += top(b.stack) + ",";
    for (const RawThreadEvent &t : raw.threadStates) // where a crash or an assertion happened
      if (t.tid == raw.tid)
        key += top(t.stack) + ",";
    key += ";";
  }
  if (key.empty()) {
    const ProcessEnd &end = run.end;
    key = end.timedOut
              ? "timeout"
              : "signal" + std::to_string(end.signal) + "|" + assertionLine(end.stderrTail);
  }
  return key;
}

} // namespace weft::run
