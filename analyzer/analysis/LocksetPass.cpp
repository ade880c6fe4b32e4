// The lockset pass (LocksetPass.h): a fixpoint over the body's blocks, then one recording pass
// that writes the summary, then the backward release pass (ReleasePass.h).
#include "LocksetPass.h"

#include "Lockset.h"
#include "ReleasePass.h"
#include "Substitution.h"

#include <algorithm>
#include <deque>
#include <map>

namespace weft::analyzer {

namespace {

class LocksetPass {
public:
  LocksetPass(const FunctionBody &body, const std::vector<FunctionSummary> &summaries,
              const std::vector<ThreadSite> &sites)
      : body_(body), summaries_(summaries), sites_(sites) {}

  FunctionSummary run() {
    out_.name = body_.name;
    out_.linkName = body_.linkName;
    out_.spawns = body_.spawns;
    out_.isConstructor = body_.isConstructor;
    out_.facts.name = body_.name;
    out_.facts.shortName = body_.shortName;
    out_.facts.returnsLocked = body_.returnsLocked;
    out_.facts.end = body_.end;
    if (body_.blocks.empty())
      return std::move(out_);
    doomed_ = doomedBlocks();
    std::vector<LockState> in = fixpoint();
    out_.dies = doomed_[body_.entry];
    for (int b : body_.order) {
      LockState st = in[b];
      if (!st.reached)
        continue;
      const Block &blk = body_.blocks[b];
      for (size_t e = 0; e < blk.events.size(); ++e)
        transfer(st, blk.events[e], true, {b, static_cast<int>(e)});
    }
    sortAccesses();
    exitFacts(in[body_.exit]);
    addReleases(body_, summaries_, accessAt_, callAt_, out_);
    return std::move(out_);
  }

private:
  /// Blocks from which every path ends the process: a noreturn call (exit, abort, a failed
  /// assert), or a call of a function that dies, here or in every successor. Loops that may go
  /// round for ever are not doomed (least fixpoint).
  std::vector<bool> doomedBlocks() {
    const size_t n = body_.blocks.size();
    std::vector<bool> doomed(n, false);
    endsProcess_.assign(n, false);
    for (size_t b = 0; b < n; ++b) {
      const Block &blk = body_.blocks[b];
      doomed[b] =
          blk.noReturn || std::any_of(blk.events.begin(), blk.events.end(), [&](const Event &e) {
            if (e.kind != Event::Call)
              return false;
            int callee = body_.calls[e.index].callee;
            return callee >= 0 && summaries_[callee].dies;
          });
      endsProcess_[b] = doomed[b];
    }
    for (bool changed = true; changed;) {
      changed = false;
      for (size_t b = 0; b < n; ++b) {
        const Block &blk = body_.blocks[b];
        if (doomed[b] || blk.succs.empty() || static_cast<int>(b) == body_.exit)
          continue;
        bool all = std::all_of(blk.succs.begin(), blk.succs.end(),
                               [&](int s) { return s < 0 || doomed[s]; });
        bool any = std::any_of(blk.succs.begin(), blk.succs.end(), [](int s) { return s >= 0; });
        if (all && any) {
          doomed[b] = true;
          changed = true;
        }
      }
    }
    return doomed;
  }

  std::vector<LockState> fixpoint() {
    const size_t n = body_.blocks.size();
    std::vector<LockState> in(n);
    LockState &entry = in[body_.entry];
    entry.reached = true;
    for (const HeldLock &h : body_.entryLocks)
      entry.acquire(h);
    std::deque<int> work{body_.entry};
    std::vector<char> queued(n, 0);
    queued[body_.entry] = 1;
    size_t steps = 0;
    const size_t maxSteps = 40 * n + 100;
    auto propagate = [&](int succ, const LockState &st) {
      if (succ < 0 || !st.reached)
        return;
      LockState merged = in[succ];
      merged.meet(st);
      if (!(merged == in[succ]) || !in[succ].reached) {
        in[succ] = std::move(merged);
        if (!queued[succ]) {
          queued[succ] = 1;
          work.push_back(succ);
        }
      }
    };
    while (!work.empty() && steps++ < maxSteps) {
      const int b = work.front();
      work.pop_front();
      queued[b] = 0;
      const Block &blk = body_.blocks[b];
      LockState st = in[b];
      for (const Event &e : blk.events)
        transfer(st, e, false, {});
      if (blk.noReturn || endsProcess_[b])
        continue; // abort(), assert failure, throw, a call that dies: not a path to the end
      if (blk.succs.size() == 2) {
        LockState onTrue = st, onFalse = st;
        edge(onTrue, blk.onTrue);
        edge(onFalse, blk.onFalse);
        propagate(blk.succs[0], onTrue);
        propagate(blk.succs[1], onFalse);
      } else {
        for (int succ : blk.succs)
          propagate(succ, st);
      }
    }
    return in;
  }

  void edge(LockState &st, const std::vector<EdgeFact> &facts) {
    for (const EdgeFact &f : facts) {
      switch (f.kind) {
      case EdgeFact::Acquired:
        st.acquire(f.lock);
        break;
      case EdgeFact::NotAcquired:
        st.release(f.lock.lock);
        break;
      case EdgeFact::GuardOwns: {
        const GuardOp &g = body_.guards[f.guard];
        if (std::any_of(st.must.begin(), st.must.end(),
                        [&](const HeldLock &h) { return h.guard == g.guard; }))
          break;
        for (const LockUse &l : g.locks)
          st.acquire({l.lock, l.shared, l.recursive, false, g.guard, g.at});
        break;
      }
      case EdgeFact::NotJoinable:
        if (auto it = st.joinable.find(f.handle); it != st.joinable.end())
          it->second = false;
        break;
      case EdgeFact::SyncedOn:
        syncAcquire(st, body_.syncs[f.sync]);
        break;
      case EdgeFact::FlagIdle: // the threads this flag says were started are not running
        for (const ThreadSite &s : sites_)
          if (s.startedFlag == f.flag && s.guardIdle == f.value) {
            st.live.erase(s.id);
            st.ended.insert(s.id);
            if (!s.handle.empty())
              onJoin(st, s.handle);
          }
        break;
      }
    }
  }

  void acquire(LockState &st, const HeldLock &h, bool deadlockFree, const RelLocks &before,
               bool record) {
    if (record) {
      SAcquire a{h, deadlockFree, false, false, false, {}, before};
      auto prev = std::find_if(st.must.begin(), st.must.end(),
                               [&](const HeldLock &x) { return sameLock(x.lock, h.lock); });
      if (prev != st.must.end()) {
        a.alreadyHeld = true;
        a.prior = *prev;
      }
      out_.facts.acquires.push_back(std::move(a));
    }
    st.acquire(h);
  }

  /// A lock the caller holds (REQUIRES on entry, or let go earlier in this function) that is
  /// taken again by hand is the caller's lock restored, not one this function took: it does not
  /// leak, and a caller applying this summary has nothing to add (leveldb's RemoveObsoleteFiles:
  /// `mutex_.Unlock(); ...; mutex_.Lock();` under EXCLUSIVE_LOCKS_REQUIRED(mutex_)). Likewise a
  /// live guard's lock unlocked and re-locked by hand is the guard's again (DBImpl::Get).
  HeldLock restored(LockState &st, HeldLock h) const {
    if (h.guard != guard::None || !h.isLock() || st.mayHold(h.lock))
      return h;
    auto same = [&](const ObjRef &r) { return sameLock(r, h.lock); };
    // A live guard's lock that was unlocked by hand: the guard owns it again.
    if (auto lent = std::find_if(st.lent.begin(), st.lent.end(),
                                 [&](const auto &l) { return same(l.first); });
        lent != st.lent.end()) {
      h.guard = lent->second;
      h.manual = false;
      st.lent.erase(lent);
      return h;
    }
    auto rel = std::find_if(st.released.begin(), st.released.end(), same);
    bool atEntry = std::any_of(body_.entryLocks.begin(), body_.entryLocks.end(),
                               [&](const HeldLock &e) { return same(e.lock); });
    if (rel == st.released.end() && !atEntry)
      return h;
    if (rel != st.released.end())
      st.released.erase(rel);
    h.guard = guard::Requires;
    h.manual = false;
    return h;
  }

  void release(LockState &st, const ObjRef &lock, const report::Location &at, bool record) {
    if (record && !st.mayHold(lock)) {
      SAcquire a;
      a.lock = {lock, false, false, true, guard::None, at};
      a.release = true;
      a.releasedBefore =
          std::find(st.released.begin(), st.released.end(), lock) != st.released.end();
      a.before = st.rel();
      out_.facts.acquires.push_back(std::move(a));
    }
    st.release(lock);
  }

  /// What was published to `p.obj` is seen from here on.
  void syncAcquire(LockState &st, const SyncPoint &p) {
    if (std::none_of(st.must.begin(), st.must.end(), [&](const HeldLock &h) {
          return h.sync == SyncEdge::AcquiredBefore && sameLock(h.lock, p.obj);
        })) {
      HeldLock h{p.obj, false, false, false, guard::Sync, p.at};
      h.sync = SyncEdge::AcquiredBefore;
      st.acquire(h);
    }
  }

  void onJoin(LockState &st, const std::string &key) {
    if (key.empty())
      return;
    st.joined.insert(key);
    for (const ThreadSite &s : sites_)
      if (s.handle == key || s.joinedBy == key) {
        st.live.erase(s.id);
        st.ended.insert(s.id);
      }
    if (auto it = st.joinable.find(key); it != st.joinable.end())
      it->second = false;
  }

  void guardOwnership(LockState &st, std::uintptr_t from, std::uintptr_t to, bool manual) {
    for (auto *set : {&st.must, &st.may})
      for (HeldLock &h : *set)
        if (h.guard == from) {
          h.guard = to;
          h.manual = manual;
        }
  }

  /// The callee runs callables it is handed on other threads: a concrete one starts a thread
  /// here (its site is live from now on); one of this function's own parameters passed on makes
  /// this function spawn that parameter too.
  void spawnsOfCall(LockState &st, const CallOp &call, const FunctionSummary &cs, bool record) {
    for (const SpawnParam &sp : cs.spawns) {
      auto arg = call.callables.find(sp.param);
      if (arg == call.callables.end())
        continue;
      Bindings bind;
      for (const auto &[i, r] : sp.bind.params) {
        bind.params[i] = substitute(r, call.bind);
        // `StartThread(ThreadBody, &args[i])` in a loop: each thread is handed its own element;
        // `add(pool, task, arg)` with an `arg` the caller owns hands it to the task.
        if (r.kind != ObjRef::ParamTarget || !r.inst.starts_with("p#"))
          continue;
        const int k = std::atoi(r.inst.c_str() + 2);
        if (call.bind.perIteration.count(k))
          bind.handed[i] = -1;
        else if (auto h = call.bind.handed.find(k); h != call.bind.handed.end())
          bind.handed[i] = h->second;
      }
      if (arg->second.site >= 0) {
        if (record)
          out_.creates.push_back({arg->second.site, call.loc, st.rel(), st.liveness(),
                                  std::move(bind), sp.serialRunner});
        st.live.insert(arg->second.site);
        st.ended.erase(arg->second.site);
      } else if (arg->second.fromParam >= 0 && record &&
                 std::none_of(out_.spawns.begin(), out_.spawns.end(), [&](const SpawnParam &s) {
                   return s.param == arg->second.fromParam;
                 })) {
        out_.spawns.push_back(
            {arg->second.fromParam, std::move(bind), sp.at, sp.handle, sp.serialRunner});
      }
    }
  }

  void applyCall(LockState &st, const CallOp &call, bool record) {
    if (call.callee < 0)
      return; // not analysed (a library, or a file outside the database)
    const FunctionSummary &cs = summaries_[call.callee];
    spawnsOfCall(st, call, cs, record);
    for (const ObjRef &r : cs.releasedAtExit)
      st.release(substitute(r, call.bind));
    for (HeldLock h : cs.acquiredAtExit) {
      h.lock = substitute(h.lock, call.bind);
      h.at = call.loc; // held since the call of the lock wrapper (possess(), Mutex::Lock())
      st.acquire(restored(st, h));
    }
    for (int site : cs.liveAtExit.ended) {
      st.live.erase(site);
      st.ended.insert(site);
    }
    for (int site : cs.liveAtExit.live) {
      st.live.insert(site);
      st.ended.erase(site);
    }
    for (const std::string &h : cs.liveAtExit.joined)
      onJoin(st, h);
  }

  void transfer(LockState &st, const Event &e, bool record, EventPos pos) {
    switch (e.kind) {
    case Event::Access:
      if (record && !doomed_[pos.block])
        recordAccess(st, body_.accesses[e.index], pos, e.index);
      return;
    case Event::StmtEnd:
    case Event::SyncRelease: // the backward pass's business
      return;
    case Event::Acquire: {
      const LockOp &op = body_.acquires[e.index];
      RelLocks before = st.rel();
      for (const LockUse &l : op.locks)
        acquire(st, restored(st, {l.lock, l.shared, l.recursive, op.manual, guard::None, op.at}),
                op.deadlockFree, before, record);
      return;
    }
    case Event::Release: {
      const LockOp &op = body_.releases[e.index];
      for (const LockUse &l : op.locks)
        release(st, l.lock, op.at, record);
      return;
    }
    case Event::GuardLock: {
      const GuardOp &g = body_.guards[e.index];
      RelLocks before = st.rel();
      for (const LockUse &l : g.locks)
        acquire(st, {l.lock, l.shared, l.recursive, false, g.guard, g.at}, g.deadlockFree, before,
                record);
      return;
    }
    case Event::GuardAdopt: {
      const GuardOp &g = body_.guards[e.index];
      for (auto *set : {&st.must, &st.may})
        for (HeldLock &h : *set)
          for (const LockUse &l : g.locks)
            if (sameLock(h.lock, l.lock) && h.guard == guard::None) {
              h.guard = g.guard;
              h.manual = false;
            }
      return;
    }
    case Event::GuardMove: {
      const GuardOp &g = body_.guards[e.index];
      guardOwnership(st, g.from, g.guard, false);
      return;
    }
    case Event::GuardUnlock: {
      const GuardOp &g = body_.guards[e.index];
      if (record && !g.locks.empty()) {
        bool owned = std::any_of(st.may.begin(), st.may.end(),
                                 [&](const HeldLock &h) { return h.guard == g.guard; });
        out_.facts.guardUnlocks.push_back({g.name, g.locks.front().lock.name, owned, g.at});
      }
      st.releaseGuard(g.guard);
      return;
    }
    case Event::GuardRelease:
      guardOwnership(st, body_.guards[e.index].guard, guard::None, true);
      return;
    case Event::GuardEnd:
      st.releaseGuard(body_.guards[e.index].guard);
      return;
    case Event::Call: {
      const CallOp &call = body_.calls[e.index];
      if (record) {
        out_.calls.push_back({call.callee, call.bind, call.loc, st.rel(), st.liveness(),
                              call.extraLock, call.calleeLink, doomed_[pos.block]});
        callAt_.push_back(pos);
      }
      applyCall(st, call, record);
      return;
    }
    case Event::OnceDone: {
      const SyncPoint &p = body_.syncs[e.index];
      if (!st.mustHold(p.obj))
        st.acquire({p.obj, true, true, false, guard::Once, p.at});
      return;
    }
    case Event::SyncAcquire:
      syncAcquire(st, body_.syncs[e.index]);
      return;
    case Event::Create:
      onCreate(st, body_.creates[e.index], record);
      return;
    case Event::Join:
      onJoin(st, body_.threads[e.index].handle);
      return;
    case Event::JoinAfterLoop:
      // Also when the threads were started elsewhere: a join_all() helper walking a list.
      onJoin(st, body_.threads[e.index].handle);
      return;
    case Event::Detach: {
      const ThreadOp &t = body_.threads[e.index];
      int site = t.site;
      if (site < 0) {
        if (auto it = siteByHandle_.find(t.handle); it != siteByHandle_.end())
          site = it->second;
        if (auto it = st.joinable.find(t.handle); it != st.joinable.end())
          it->second = false;
      }
      if (record && site >= 0)
        out_.facts.detaches.push_back({site, t.at});
      return;
    }
    case Event::ThreadEnd: {
      const ThreadOp &t = body_.threads[e.index];
      if (record) {
        auto it = st.joinable.find(t.handle);
        out_.facts.threadObjects.push_back({ThreadObjectFact::Destroyed, t.name,
                                            it != st.joinable.end() && it->second, t.at,
                                            t.declaredAt});
      }
      return;
    }
    case Event::Wait:
      if (record)
        out_.facts.waits.push_back(body_.waits[e.index]);
      return;
    case Event::Return:
      if (record)
        out_.facts.exits.push_back({true, body_.returns[e.index], st.may, st.must});
      return;
    }
  }

  void onCreate(LockState &st, const CreateOp &c, bool record) {
    if (record) {
      if (!c.assignedTo.empty()) {
        auto it = st.joinable.find(c.handle);
        out_.facts.threadObjects.push_back({ThreadObjectFact::Reassigned,
                                            c.assignedTo,
                                            it != st.joinable.end() && it->second,
                                            c.loc,
                                            {}});
      }
      out_.creates.push_back({c.site, c.loc, st.rel(), st.liveness(), {}});
    }
    if (c.discardedFuture)
      return;
    st.live.insert(c.site);
    st.ended.erase(c.site);
    if (!c.handle.empty()) {
      st.joined.erase(c.handle);
      siteByHandle_[c.handle] = c.site;
      if (c.joinableObject)
        st.joinable[c.handle] = true;
    }
  }

  /// Accesses in source order (the order the walk found them), whatever the blocks' order: the
  /// checks pair the first accesses they meet.
  void sortAccesses() {
    std::vector<size_t> perm(out_.accesses.size());
    for (size_t i = 0; i < perm.size(); ++i)
      perm[i] = i;
    std::stable_sort(perm.begin(), perm.end(),
                     [&](size_t a, size_t b) { return accessOp_[a] < accessOp_[b]; });
    std::vector<SAccess> accesses;
    std::vector<EventPos> at;
    for (size_t i : perm) {
      accesses.push_back(std::move(out_.accesses[i]));
      at.push_back(accessAt_[i]);
    }
    out_.accesses = std::move(accesses);
    accessAt_ = std::move(at);
  }

  void recordAccess(const LockState &st, const AccessOp &a, EventPos pos, int op) {
    if (body_.isConstructor && a.obj.inst.starts_with("this") && st.live.empty())
      return; // the object has not escaped yet
    out_.accesses.push_back({a.obj, a.write, a.foreign, a.atomic, a.loc, st.rel(), st.liveness(),
                             a.guardedBy, a.owned, a.ownedParam});
    accessAt_.push_back(pos);
    accessOp_.push_back(op);
  }

  /// The function lets go of `lock` somewhere: by hand, or in a callee that releases it.
  bool releasesSomewhere(const ObjRef &lock) const {
    for (const LockOp &op : body_.releases)
      for (const LockUse &l : op.locks)
        if (sameLock(l.lock, lock))
          return true;
    for (const CallOp &call : body_.calls)
      if (call.callee >= 0)
        for (const ObjRef &r : summaries_[call.callee].releasedAtExit)
          if (sameLock(substitute(r, call.bind), lock))
            return true;
    return false;
  }

  void exitFacts(const LockState &exit) {
    if (!exit.reached)
      return;
    for (const HeldLock &h : exit.must)
      if (h.guard == guard::None || h.guard == guard::Sync)
        out_.acquiredAtExit.push_back(h);
    // A lock taken on some paths only and never let go is a conditional lock wrapper's
    // (zstd's `if (threadPoolActive(ctx)) lock(&ctx->mu)`, whose unlock twin tests the same):
    // its callers hold the lock after the call, as after a wrapper that always locks.
    for (const HeldLock &h : exit.may)
      if (h.manual && h.guard == guard::None &&
          std::none_of(exit.must.begin(), exit.must.end(),
                       [&](const HeldLock &m) { return sameLock(m.lock, h.lock); }) &&
          !releasesSomewhere(h.lock))
        out_.acquiredAtExit.push_back(h);
    out_.facts.handedToCallers = out_.acquiredAtExit;
    out_.releasedAtExit = exit.released;
    out_.liveAtExit = exit.liveness();
    out_.facts.exits.push_back({false, body_.end, exit.may, exit.must});
  }

  const FunctionBody &body_;
  const std::vector<FunctionSummary> &summaries_;
  const std::vector<ThreadSite> &sites_;
  FunctionSummary out_;
  std::vector<bool> doomed_;      ///< per block: every path from it ends the process
  std::vector<bool> endsProcess_; ///< per block: it ends the process (noreturn, a call that dies)
  std::vector<EventPos> accessAt_, callAt_; ///< parallel to out_.accesses / out_.calls
  std::vector<int> accessOp_;               ///< parallel to out_.accesses: body index
  std::map<std::string, int> siteByHandle_;
};

} // namespace

FunctionSummary summarizeBody(const FunctionBody &body,
                              const std::vector<FunctionSummary> &summaries,
                              const std::vector<ThreadSite> &sites) {
  return LocksetPass(body, summaries, sites).run();
}

} // namespace weft::analyzer
