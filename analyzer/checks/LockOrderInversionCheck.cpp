// Finds cycles in the lock-order graph whose edges come from more than one thread context (or
// from a thread that runs twice at once): each thread holds one lock of the cycle and waits for
// the next (see LockOrderInversionCheck.h).
#include "LockOrderInversionCheck.h"

#include <algorithm>
#include <set>

namespace weft::analyzer {

namespace {

/// Cycles longer than this are not searched (the corpus of real deadlocks has 2 and 3).
constexpr size_t kMaxCycle = 4;

/// Two locks the analysis can tell apart.

std::string who(const AnalysisResult &r, int c) {
  return c == 0 ? std::string("the main thread") : "thread '" + r.contexts[c].name + "'";
}

class CycleFinder {
public:
  CycleFinder(const AnalysisResult &r, const Check::Emit &emit, const std::string &rule)
      : r_(r), emit_(emit), rule_(rule) {}

  void run() {
    for (size_t i = 0; i < r_.edges.size(); ++i) {
      if (mayBeSameLock(r_.edges[i].from, r_.edges[i].to))
        continue;
      path_ = {i};
      extend();
    }
  }

private:
  void extend() {
    const LockEdge &first = r_.edges[path_.front()];
    const LockEdge &last = r_.edges[path_.back()];
    for (size_t j = path_.front() + 1; j < r_.edges.size(); ++j) {
      const LockEdge &e = r_.edges[j];
      if (!mayBeSameLock(last.to, e.from) || mayBeSameLock(e.from, e.to))
        continue;
      if (std::find(path_.begin(), path_.end(), j) != path_.end())
        continue;
      path_.push_back(j);
      if (mayBeSameLock(e.to, first.from))
        report();
      else if (path_.size() < kMaxCycle)
        extend();
      path_.pop_back();
    }
  }

  /// A cycle deadlocks only if its edges can be held by different threads at once, and no
  /// common (gate) lock serialises them.
  bool feasible() const {
    std::set<int> contexts;
    for (size_t i : path_)
      contexts.insert(r_.edges[i].context);
    if (contexts.size() < 2 && !r_.contexts[*contexts.begin()].multi)
      return false;
    for (size_t a = 0; a < path_.size(); ++a)
      for (size_t b = a + 1; b < path_.size(); ++b)
        for (const ObjRef &g : r_.edges[path_[a]].alsoHeld)
          for (const ObjRef &h : r_.edges[path_[b]].alsoHeld)
            if (mayBeSameLock(g, h))
              return false;
    return true;
  }

  void report() {
    if (!feasible())
      return;
    // One finding per cycle of acquisitions in the source, whichever threads run them.
    std::set<std::string> edges;
    for (size_t i : path_) {
      const LockEdge &e = r_.edges[i];
      edges.insert(lockLabel(e.from) + ">" + lockLabel(e.to) + "@" + e.fromAt.file + ":" +
                   std::to_string(e.fromAt.line) + ":" + e.toAt.file + ":" +
                   std::to_string(e.toAt.line));
    }
    if (!reported_.insert(edges).second)
      return;
    const LockEdge &x = r_.edges[path_.front()];
    report::Finding f;
    f.rule = rule_;
    f.variable = lockLabel(x.from);
    std::string order;
    for (size_t i : path_) {
      const LockEdge &e = r_.edges[i];
      order += (order.empty() ? "" : "; ") + who(r_, e.context) + " locks '" + lockLabel(e.from) +
               "' then '" + lockLabel(e.to) + "'";
    }
    f.message = "lock order inversion: " + order + "; they can deadlock";
    f.location = x.toAt;
    std::set<int> contexts;
    for (size_t i : path_) {
      const LockEdge &e = r_.edges[i];
      f.related.push_back(
          {"'" + lockLabel(e.from) + "' held here by " + who(r_, e.context), e.fromAt, {}});
      f.related.push_back({"then '" + lockLabel(e.to) + "' acquired here", e.toAt, {}});
      contexts.insert(e.context);
    }
    for (int c : contexts)
      f.threads.push_back(r_.threadInfo(c));
    emit_(std::move(f));
  }

  const AnalysisResult &r_;
  const Check::Emit &emit_;
  const std::string &rule_;
  std::vector<size_t> path_;
  std::set<std::set<std::string>> reported_;
};

} // namespace

void LockOrderInversionCheck::run(const AnalysisResult &result, const Emit &emit) {
  CycleFinder(result, emit, rule()).run();
}

} // namespace weft::analyzer
