// Pairs the accesses of each object across thread contexts (see DataRaceCheck.h).
#include "DataRaceCheck.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>

namespace weft::analyzer {

namespace {

/// Is `h` the lock the object is declared guarded by? Without a declaration any lock counts.
bool countsAsGuard(const HeldLock &h, const ObjRef &guard) {
  return !guard.valid() || (h.lock.name == guard.name && mayAlias(h.lock.inst, guard.inst));
}

/// The lock declared by GUARDED_BY for the pair (either access may carry it); invalid when none.
const ObjRef &declaredGuard(const Access &a, const Access &b) {
  return a.guardedBy.valid() ? a.guardedBy : b.guardedBy;
}

/// Two accesses are ordered by a lock when both hold it and at least one holds it exclusively
/// (a reader lock only keeps readers apart from writers). For an object declared GUARDED_BY(m)
/// only m counts: another lock both happen to hold does not make the code honour its contract.
bool commonLock(const Access &a, const Access &b) {
  const ObjRef &guard = declaredGuard(a, b);
  for (const HeldLock &x : a.locks)
    for (const HeldLock &y : b.locks)
      if (x.isLock() && y.isLock() && mayBeSameLock(x.lock, y.lock) && !(x.shared && y.shared) &&
          countsAsGuard(x, guard))
        return true;
  return false;
}

bool holds(const Access &a, const ObjRef &guard) {
  return std::any_of(a.locks.begin(), a.locks.end(),
                     [&](const HeldLock &h) { return h.isLock() && countsAsGuard(h, guard); });
}

/// Ordered by a synchronisation object: one access is followed by a release of X in its thread,
/// the other preceded by an acquire of X in its thread (release/acquire atomics, latch,
/// semaphore hand-off, a counter a condition wait waits on). Two objects of one name are one
/// unless both are pinned down and differ: the worker reaches `Shared::num_done` through the
/// pointer it was given, the waiter through its own local.
bool syncOrdered(const Access &a, const Access &b) {
  auto publishes = [](const Access &x, const Access &y) {
    for (const HeldLock &r : x.locks)
      for (const HeldLock &q : y.locks)
        if (r.sync == SyncEdge::ReleasedAfter && q.sync == SyncEdge::AcquiredBefore &&
            r.lock.name == q.lock.name &&
            (mayAlias(r.lock.inst, q.lock.inst) || !isPinned(r.lock.inst) ||
             !isPinned(q.lock.inst)))
          return true;
    return false;
  };
  return publishes(a, b) || publishes(b, a);
}

const char *kind(const Access &a) { return a.write ? "write" : "read"; }

std::string who(const AnalysisResult &r, int context) {
  const ThreadContext &c = r.contexts[context];
  return c.id == 0 ? "the main thread" : "thread '" + c.name + "'";
}

/// Each of the two threads has the object to itself: a local of its own frame (which an object
/// nobody can name is not), or one it took over and has not handed on yet.
bool bothOwn(const Access &a, const Access &b) {
  if ((a.ownFrame || b.ownFrame) && (a.ownFrame || a.obj.inst.empty()) &&
      (b.ownFrame || b.obj.inst.empty()))
    return true;
  return (a.tookOver || b.tookOver) && (a.ownFrame || a.tookOver) && (b.ownFrame || b.tookOver);
}

/// The message for an object declared GUARDED_BY: which of the two accesses lacks the lock.
std::string guardedMessage(const AnalysisResult &r, const std::string &name, const ObjRef &guard,
                           const Access &first, const Access &second) {
  auto side = [&](const Access &x) {
    return std::string(kind(x)) + " by " + who(r, x.context) +
           (holds(x, guard) ? " holding it" : " without it");
  };
  return "data race on '" + name + "', declared guarded by '" + guard.name + "': " + side(first) +
         " and " + side(second);
}

} // namespace

void DataRaceCheck::run(const AnalysisResult &result, const Emit &emit) {
  // For whoever triages a finding: the objects' identities and the contexts (stderr only).
  static const bool trace = std::getenv("WEFT_LINT_TRACE") != nullptr;
  if (trace)
    for (const ThreadContext &c : result.contexts)
      std::fprintf(stderr, "weft-trace: context %d '%s'%s parent %d, created at %s:%d\n", c.id,
                   c.name.c_str(), c.multi ? " (runs beside itself)" : "", c.parent,
                   c.createdAt.file.c_str(), c.createdAt.line);
  std::map<std::string, std::vector<const Access *>> byName;
  for (const Access &a : result.accesses)
    byName[a.obj.name].push_back(&a);
  for (const auto &[name, list] : byName) {
    std::set<std::pair<int, int>> reportedLines;
    for (size_t i = 0; i < list.size(); ++i) {
      for (size_t j = i; j < list.size(); ++j) {
        const Access &a = *list[i], &b = *list[j];
        if ((!a.write && !b.write) || (a.atomic && b.atomic))
          continue;
        if (!mayAlias(a.obj.inst, b.obj.inst))
          continue;
        if (a.obj.kind == ObjRef::Local && !a.foreign && !b.foreign)
          continue; // a local only its own frame touches
        if (bothOwn(a, b))
          continue;
        if (!result.mayParallel(a, b) || commonLock(a, b) || syncOrdered(a, b))
          continue;
        // Report first an access that breaks the declared contract, else the write; one
        // finding per pair of source lines.
        const ObjRef &guard = declaredGuard(a, b);
        bool swap = guard.valid() && holds(a, guard) != holds(b, guard) ? holds(a, guard)
                                                                        : !a.write && b.write;
        const Access &first = swap ? b : a;
        const Access &second = swap ? a : b;
        auto lines = std::minmax(first.loc.line, second.loc.line);
        if (!reportedLines.insert(lines).second)
          continue;
        report::Finding f;
        f.rule = rule();
        f.variable = name;
        f.message = guard.valid()
                        ? guardedMessage(result, name, guard, first, second)
                        : "data race on '" + name + "': " + kind(first) + " by " +
                              who(result, first.context) + " and " + kind(second) + " by " +
                              who(result, second.context) + " with no common lock";
        f.location = first.loc;
        f.related.push_back(
            {std::string("conflicting ") + kind(second) + " by " + who(result, second.context),
             second.loc,
             {}});
        std::set<int> contexts{first.context, second.context};
        for (int c : contexts) {
          f.threads.push_back(result.threadInfo(c));
          if (c != 0)
            f.related.push_back(
                {who(result, c) + " created here", result.contexts[c].createdAt, {}});
        }
        if (trace)
          std::fprintf(stderr, "weft-trace: %s: %s %s:%u ctx %d | %s %s:%u ctx %d\n", name.c_str(),
                       first.obj.inst.c_str(), first.loc.file.c_str(), first.loc.line,
                       first.context, second.obj.inst.c_str(), second.loc.file.c_str(),
                       second.loc.line, second.context);
        emit(std::move(f));
      }
    }
  }
}

} // namespace weft::analyzer
