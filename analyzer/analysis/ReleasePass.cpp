// Backward must-analysis of releases (ReleasePass.h).
#include "ReleasePass.h"

#include "Lockset.h"
#include "Substitution.h"

#include <algorithm>
#include <map>
#include <optional>

namespace weft::analyzer {

namespace {

using Objects = std::vector<ObjRef>;

void intersect(Objects &a, const Objects &b) {
  std::erase_if(a, [&](const ObjRef &x) {
    return std::none_of(b.begin(), b.end(), [&](const ObjRef &y) { return sameLock(x, y); });
  });
}

void addUnique(Objects &set, const ObjRef &r) {
  if (r.valid() &&
      std::none_of(set.begin(), set.end(), [&](const ObjRef &x) { return sameLock(x, r); }))
    set.push_back(r);
}

std::pair<int, int> key(EventPos p) { return {p.block, p.event}; }

class ReleasePass {
public:
  ReleasePass(const FunctionBody &body, const std::vector<FunctionSummary> &summaries)
      : body_(body), summaries_(summaries), in_(body.blocks.size()), known_(body.blocks.size(), 0) {
  }

  void run(const std::vector<EventPos> &accessAt, const std::vector<EventPos> &callAt,
           FunctionSummary &out) {
    const int n = static_cast<int>(body_.blocks.size());
    bool changed = true;
    for (int round = 0; changed && round < 20; ++round) {
      changed = false;
      for (int b = 0; b < n; ++b) {
        auto next = through(b, false);
        if (!next)
          continue;
        if (!known_[b] || next->size() != in_[b].size()) {
          in_[b] = std::move(*next);
          known_[b] = 1;
          changed = true;
        }
      }
    }
    for (int b = 0; b < n; ++b)
      through(b, true);
    if (n > 0 && known_[body_.entry])
      out.syncReleased = in_[body_.entry];
    auto publish = [](std::vector<HeldLock> &held, const Objects &objs,
                      const report::Location &at) {
      for (const ObjRef &x : objs) {
        HeldLock h{x, false, false, false, guard::Sync, at};
        h.sync = SyncEdge::ReleasedAfter;
        held.push_back(h);
      }
    };
    for (size_t i = 0; i < accessAt.size(); ++i)
      if (auto it = after_.find(key(accessAt[i])); it != after_.end())
        publish(out.accesses[i].locks.held, it->second, out.accesses[i].loc);
    for (size_t i = 0; i < callAt.size(); ++i)
      if (auto it = after_.find(key(callAt[i])); it != after_.end())
        publish(out.calls[i].locks.held, it->second, out.calls[i].loc);
  }

private:
  /// The set released on every path from the start of block `b`; none while unknown (top).
  std::optional<Objects> through(int b, bool record) {
    const Block &blk = body_.blocks[b];
    if (blk.noReturn)
      return std::nullopt; // aborts: no constraint on the paths
    Objects cur;
    bool first = b != body_.exit;
    if (first) {
      for (int s : blk.succs) {
        if (s < 0 || !known_[s])
          continue;
        if (first)
          cur = in_[s];
        else
          intersect(cur, in_[s]);
        first = false;
      }
      if (first)
        return std::nullopt; // no successor known yet
    }
    Objects afterStatement = cur; // what the accesses before a StmtEnd see
    for (int e = static_cast<int>(blk.events.size()) - 1; e >= 0; --e) {
      const Event &ev = blk.events[e];
      switch (ev.kind) {
      case Event::StmtEnd:
        afterStatement = cur;
        break;
      case Event::Access:
        if (record && !afterStatement.empty())
          after_[{b, e}] = afterStatement;
        break;
      case Event::Call: {
        if (record && !cur.empty())
          after_[{b, e}] = cur;
        const CallOp &call = body_.calls[ev.index];
        if (call.callee >= 0)
          for (const ObjRef &r : summaries_[call.callee].syncReleased)
            addUnique(cur, substitute(r, call.bind));
        break;
      }
      case Event::SyncRelease:
        addUnique(cur, body_.syncs[ev.index].obj);
        break;
      default:
        break;
      }
    }
    return cur;
  }

  const FunctionBody &body_;
  const std::vector<FunctionSummary> &summaries_;
  std::vector<Objects> in_;
  std::vector<char> known_;
  std::map<std::pair<int, int>, Objects> after_;
};

} // namespace

void addReleases(const FunctionBody &body, const std::vector<FunctionSummary> &summaries,
                 const std::vector<EventPos> &accessAt, const std::vector<EventPos> &callAt,
                 FunctionSummary &out) {
  ReleasePass(body, summaries).run(accessAt, callAt, out);
}

} // namespace weft::analyzer
