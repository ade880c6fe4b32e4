// Context expansion (see Program.h) and the parallelism relation of AnalysisResult.
#include "Program.h"

#include "Lockset.h"
#include "Substitution.h"

#include <algorithm>
#include <cstdlib>
#include <functional>

namespace weft::analyzer {

namespace {

/// Calls nested deeper than this are not expanded.
constexpr int kMaxDepth = 16;
/// Bound on the events expanded per context, so a pathological call graph stays cheap.
constexpr size_t kMaxEventsPerContext = 200000;

class Expander {
public:
  /// `fieldObjects`: pointer fields known to hold one object only (field node -> its identity),
  /// from an earlier expansion's singleFieldObjects().
  explicit Expander(const ProgramFacts &facts, std::map<std::string, std::string> fieldObjects = {})
      : facts_(facts), fieldObjects_(std::move(fieldObjects)) {
    for (const FunctionBody &b : facts_.bodies)
      for (const FieldStore &st : b.fieldStores)
        pointerFields_.insert(st.field);
  }

  /// The pointer fields that every store of the expansion gave the same named object (a
  /// worker's `pool` back-pointer): what any holder's field points to is that object.
  std::map<std::string, std::string> singleFieldObjects() const {
    std::map<std::string, std::string> out;
    for (const auto &[field, objects] : fieldValues_)
      if (objects.size() == 1 && !objects.begin()->empty() && !objects.begin()->starts_with("tmp:"))
        out[field] = *objects.begin();
    return out;
  }

  AnalysisResult run() {
    ThreadContext main;
    main.id = 0;
    main.name = "main";
    out_.contexts.push_back(main);
    entries_.push_back({-1, {}});
    for (int root : facts_.roots)
      expand(0, root, Bindings{}, {}, {}, 0);
    for (size_t c = 1; c < out_.contexts.size(); ++c) { // grows while expanding
      budget_ = 0;
      stack_.clear();
      // A copy: expanding registers new contexts, and entries_ may move.
      const auto [entry, bind] = entries_[c];
      if (entry >= 0)
        expand(static_cast<int>(c), entry, bind, {}, {}, 0);
    }
    for (Access &a : out_.accesses)
      a.live = toContexts(a.live);
    for (ThreadContext &c : out_.contexts)
      c.liveAtCreate = toContexts(c.liveAtCreate);
    for (size_t f = 0; f < facts_.functions.size(); ++f)
      if (facts_.bodies[f].specialises < 0) // a copy's facts are its original's
        out_.functions.push_back(facts_.functions[f].facts);
    out_.sites = facts_.sites;
    out_.cutCycles = facts_.cutCycles;
    return std::move(out_);
  }

private:
  ObjRef resolve(const ObjRef &r, const Bindings &b, bool *foreign = nullptr) const {
    ObjRef out = substitute(r, b, foreign);
    if (isUnbound(out.inst) && out.kind != ObjRef::ParamTarget)
      out.inst = "";
    if (!facts_.pointeeAliases.empty())
      out.inst = aliased(std::move(out.inst));
    if (!fieldObjects_.empty())
      out.inst = throughSingleFields(out.inst);
    // An index no caller gave a value: any element, the array.
    for (size_t at; (at = out.inst.find("[p#")) != std::string::npos;)
      out.inst.erase(at, out.inst.find(']', at) - at + 1);
    return out;
  }

  std::vector<HeldLock> combine(const std::vector<HeldLock> &caller, const RelLocks &rel,
                                const Bindings &b) const {
    std::vector<HeldLock> held;
    for (const HeldLock &h : caller) {
      bool released = std::any_of(rel.released.begin(), rel.released.end(),
                                  [&](const ObjRef &r) { return sameLock(resolve(r, b), h.lock); });
      if (!released)
        held.push_back(h);
    }
    for (HeldLock h : rel.held) {
      h.lock = resolve(h.lock, b);
      held.push_back(h);
    }
    return held;
  }

  /// Live threads, by creation site while expanding (a site may be reached later than an access
  /// that sees it running, in whatever order the blocks were recorded); toContexts() maps them.
  std::set<int> combineLive(const std::set<int> &caller, const Liveness &rel) const {
    std::set<int> live;
    for (int site : caller)
      if (!rel.ended.count(site) && !rel.joined.count(facts_.sites[site].handle) &&
          (facts_.sites[site].joinedBy.empty() || !rel.joined.count(facts_.sites[site].joinedBy)))
        live.insert(site);
    live.insert(rel.live.begin(), rel.live.end());
    return live;
  }

  /// An object of a frame of the thread being expanded: a local (or by-value parameter) of a
  /// function on its expansion stack, or what such a function's owning local pointer points to
  /// (FunctionBody::ownedPointees); or what a field of such an object points to when that field
  /// only ever holds fresh allocations (a hash table's arrays allocated for the call). Not the
  /// spawner's locals the thread was started with, nor locals a lambda captured: their frames are
  /// not on this thread's stack. Every thread running the code has its own of these.
  bool ownFrame(const std::string &inst, int depth = 0) const {
    // `l:<id>.A::part.B::x`: a member sub-object belongs to the object holding it; `n:<h>.<F>`:
    // what field F of object h points to.
    for (std::string cur = inst; !cur.empty() && depth <= 4;) {
      if (auto it = frame_.find(rootOf(cur)); it != frame_.end() && it->second > 0)
        return true;
      size_t dot = cur.rfind('.');
      if (dot == std::string::npos)
        return false;
      if (cur.starts_with("n:") && dot > 2) {
        std::string field = cur.substr(dot + 1);
        if (field.starts_with("*"))
          field.erase(0, 1);
        if (facts_.freshFields.count("f:" + field) && ownFrame(cur.substr(2, dot - 2), depth + 1))
          return true;
      }
      cur.resize(dot);
    }
    return false;
  }

  /// `inst` with what a single-object field points to (`n:<holder>.worker::pool`) named as
  /// that object. An identity ending in a pointer field is that field's pointee (a pointer has
  /// no sub-objects); one ending in another member is a sub-object of what precedes it.
  std::string throughSingleFields(const std::string &inst) const {
    size_t dot = inst.rfind('.');
    if (dot == std::string::npos || dot < 2)
      return inst;
    std::string field = "f:" + inst.substr(dot + 1);
    if (field.size() > 2 && field[2] == '*')
      field.erase(2, 1);
    if (!pointerFields_.count(field))
      return throughSingleFields(inst.substr(0, dot)) + inst.substr(dot);
    if (!inst.starts_with("n:"))
      return inst;
    if (auto it = fieldObjects_.find(field); it != fieldObjects_.end())
      return it->second;
    return "n:" + throughSingleFields(inst.substr(2, dot - 2)) + inst.substr(dot);
  }

  /// `inst` with each local's object that is another function's returned one named as that
  /// (ProgramFacts::pointeeAliases): every `n:<local>` part, up to the next member or index.
  std::string aliased(std::string inst) const {
    for (size_t at = inst.find("n:"); at != std::string::npos; at = inst.find("n:", at + 2)) {
      size_t end = inst.find_first_of(".[", at);
      auto it = facts_.pointeeAliases.find(
          inst.substr(at, end == std::string::npos ? std::string::npos : end - at));
      if (it != facts_.pointeeAliases.end())
        inst.replace(at, it->first.size(), it->second);
    }
    return inst;
  }

  void noteFieldStores(int fn, const Bindings &bind) {
    if (fn >= static_cast<int>(facts_.bodies.size()))
      return;
    for (const FieldStore &st : facts_.bodies[fn].fieldStores) {
      ObjRef v = resolve(st.value, bind);
      fieldValues_[st.field].insert(v.kind == ObjRef::ParamTarget ? "" : identityString(v));
    }
  }

  static std::string rootOf(const std::string &inst) {
    return inst.substr(0, inst.find_first_of(".["));
  }

  void enterFrame(int fn, int delta) {
    if (fn >= static_cast<int>(facts_.bodies.size()))
      return;
    const FunctionBody &b = facts_.bodies[fn];
    for (const auto *list : {&b.locals, &b.ownedPointees})
      for (const std::string &id : *list)
        frame_[id] += delta;
  }

  std::set<int> toContexts(const std::set<int> &sites) const {
    std::set<int> out;
    for (int site : sites)
      if (auto it = siteContext_.find(site); it != siteContext_.end())
        out.insert(it->second);
    return out;
  }

  Bindings rebind(const Bindings &inner, const Bindings &outer) const {
    Bindings b;
    if (inner.thisObj.valid())
      b.thisObj = resolve(inner.thisObj, outer);
    for (const auto &[i, r] : inner.params)
      b.params[i] = resolve(r, outer);
    for (const auto &[i, v] : inner.values)
      if (!v.starts_with("p#"))
        b.values[i] = v;
      else if (auto it = outer.values.find(std::atoi(v.c_str() + 2)); it != outer.values.end())
        b.values[i] = it->second;
    for (const auto &[i, k] : inner.handed)
      if (k == -1 || outer.handed.count(k))
        b.handed[i] = -1;
    return b;
  }

  /// Several threads of a site run at once when one may still run where the next is started:
  /// the site is live at its own creation (a loop that starts threads and joins them later),
  /// or two threads start it, or several of its parent do. A loop that starts and joins one
  /// thread per round (pigz's per-file writer) runs one at a time.
  void registerSite(int site, int parent, const std::set<int> &live, const Bindings &outer,
                    const Bindings &spawner, int serialRunner) {
    const bool several = live.count(site) || out_.contexts[parent].multi;
    if (auto it = siteContext_.find(site); it != siteContext_.end()) {
      ThreadContext &c = out_.contexts[it->second];
      if (several || c.parent != parent)
        c.multi = true;
      if (c.serialRunner != serialRunner)
        c.serialRunner = -1; // also run by another thread
      return;
    }
    const ThreadSite &s = facts_.sites[site];
    ThreadContext c;
    c.id = static_cast<int>(out_.contexts.size());
    c.parent = parent;
    c.site = site;
    c.multi = several;
    c.serialRunner = serialRunner;
    c.name = s.entryName.empty() ? "thread" : s.entryName;
    c.createdAt = s.loc;
    c.liveAtCreate = live;
    siteContext_[site] = c.id;
    out_.contexts.push_back(c);
    // A callable handed to a spawning call: what its captures refer to, and the parameters the
    // spawner binds (the `arg` of `launch(fn, arg)`).
    Bindings bind = s.bind;
    for (const auto &[i, r] : spawner.params)
      bind.params[i] = r;
    for (const auto &[i, k] : spawner.handed)
      bind.handed[i] = k;
    entries_.push_back({s.entry, rebind(bind, outer)});
  }

  /// `wrapperCall`: where the user's code called the lock wrapper (possess(), Mutex::Lock()) this
  /// function runs inside; its acquisitions are reported there.
  void expand(int ctx, int fn, const Bindings &bind, const std::vector<HeldLock> &held,
              const std::set<int> &live, int depth, const report::Location *wrapperCall = nullptr) {
    if (fn < 0 || depth > kMaxDepth || budget_ > kMaxEventsPerContext ||
        std::find(stack_.begin(), stack_.end(), fn) != stack_.end())
      return;
    stack_.push_back(fn);
    enterFrame(fn, +1);
    noteFieldStores(fn, bind);
    const FunctionSummary &f = facts_.functions[fn];
    budget_ += f.accesses.size() + f.calls.size() + f.creates.size() + 1;
    for (const SCreate &c : f.creates)
      registerSite(c.site, ctx, combineLive(live, c.live), bind, c.bind, c.serialRunner);
    for (const SCall &call : f.calls) {
      std::vector<HeldLock> h = combine(held, call.locks, bind);
      if (call.extraLock.valid())
        h.push_back({resolve(call.extraLock, bind), false, false, false, guard::None, call.loc});
      const report::Location *at = wrapperCall;
      if (!at && call.callee >= 0 && isLockWrapper(facts_.functions[call.callee]))
        at = &call.loc;
      doomed_ += call.doomed;
      expand(ctx, call.callee, rebind(call.bind, bind), h, combineLive(live, call.live), depth + 1,
             at);
      doomed_ -= call.doomed;
    }
    for (const SAccess &a : f.accesses) {
      if (doomed_ > 0)
        break; // on the way out of the process (SCall::doomed)
      bool foreign = a.foreign;
      Access out;
      out.obj = resolve(a.obj, bind, &foreign);
      if (out.obj.kind == ObjRef::ParamTarget)
        continue; // a pointee nobody bound: nothing to name or share
      out.write = a.write;
      out.foreign = foreign;
      out.atomic = a.atomic;
      out.loc = a.loc;
      out.locks = combine(held, a.locks, bind);
      out.live = combineLive(live, a.live);
      out.context = ctx;
      out.ownFrame = ownFrame(out.obj.inst);
      out.tookOver = a.owned || (a.ownedParam != -1 && bind.handed.count(a.ownedParam));
      if (a.guardedBy.valid())
        out.guardedBy = resolve(a.guardedBy, bind);
      std::string key = out.obj.name + "|" + out.obj.inst + "|" + std::to_string(ctx) + "|" +
                        out.loc.file + ":" + std::to_string(out.loc.line) + ":" +
                        std::to_string(out.loc.column) + (out.write ? "w" : "r") +
                        std::to_string(out.locks.size()) + "|" + std::to_string(out.live.size()) +
                        (out.ownFrame ? "o" : "") + (out.tookOver ? "t" : "");
      if (seenAccess_.insert(key).second)
        out_.accesses.push_back(std::move(out));
    }
    for (const SAcquire &acq : f.facts.acquires)
      onAcquire(ctx, acq, bind, held, depth, wrapperCall);
    enterFrame(fn, -1);
    stack_.pop_back();
  }

  /// A function whose job is to take or let go of a lock for its caller (pigz's possess() and
  /// release(), leveldb's Mutex::Lock()).
  static bool isLockWrapper(const FunctionSummary &f) {
    return !f.acquiredAtExit.empty() || !f.releasedAtExit.empty();
  }

  void onAcquire(int ctx, const SAcquire &acq, const Bindings &bind,
                 const std::vector<HeldLock> &held, int depth,
                 const report::Location *wrapperCall) {
    if (acq.releasedBefore)
      return; // unlocked twice in the function itself: FunctionFacts say so
    HeldLock lock = acq.lock;
    lock.lock = resolve(lock.lock, bind);
    if (wrapperCall)
      lock.at = *wrapperCall;
    std::vector<HeldLock> local = combine({}, acq.before, bind);
    Acquisition a{ctx, lock, acq.release, depth == 0, combine(held, acq.before, bind), {}};
    // The callers' locks still held here: not re-taken locally, not let go before this point.
    for (const HeldLock &h : combine(held, RelLocks{{}, acq.before.released}, bind))
      if (std::none_of(local.begin(), local.end(),
                       [&](const HeldLock &l) { return sameLock(l.lock, h.lock); }))
        a.fromCaller.push_back(h);
    if (!acq.release && lock.isLock()) {
      for (const HeldLock &h : a.before) {
        if (sameLock(h.lock, lock.lock) || h.guard == guard::Once || !h.isLock())
          continue;
        LockEdge e{h.lock, lock.lock, h.at, lock.at, ctx, {}};
        for (const HeldLock &g : a.before)
          if (!sameLock(g.lock, h.lock) && g.isLock())
            e.alsoHeld.push_back(g.lock);
        out_.edges.push_back(std::move(e));
      }
    }
    std::string key = std::to_string(ctx) + "|" + lock.lock.name + "|" + lock.lock.inst + "|" +
                      lock.at.file + ":" + std::to_string(lock.at.line) + ":" +
                      std::to_string(lock.at.column) + (acq.release ? "u" : "l") +
                      std::to_string(a.before.size()) + "|" + std::to_string(a.fromCaller.size());
    if (seenAcquisitions_.insert(key).second)
      out_.acquisitions.push_back(std::move(a));
  }

  const ProgramFacts &facts_;
  const std::map<std::string, std::string> fieldObjects_; ///< see throughSingleFields
  std::set<std::string> pointerFields_; ///< field nodes some function stores a pointer into
  std::map<std::string, std::set<std::string>> fieldValues_; ///< field -> objects ("": unknown)
  AnalysisResult out_;
  std::vector<std::pair<int, Bindings>> entries_; ///< per context: entry summary and bindings
  std::map<std::string, int> frame_; ///< see ownFrame: identities of the frames being expanded
  std::map<int, int> siteContext_;
  std::vector<int> stack_;
  size_t budget_ = 0;
  int doomed_ = 0; ///< calls being expanded that were made on a path ending the process
  std::set<std::string> seenAccess_, seenAcquisitions_;
};

std::vector<int> chain(const AnalysisResult &r, int c) {
  std::vector<int> out;
  for (; c >= 0; c = r.contexts[c].parent)
    out.push_back(c);
  std::reverse(out.begin(), out.end()); // root first
  return out;
}

} // namespace

AnalysisResult buildProgram(const ProgramFacts &facts) {
  // Twice when some pointer field holds one object only: the first expansion finds which.
  Expander first(facts);
  AnalysisResult result = first.run();
  if (std::map<std::string, std::string> single = first.singleFieldObjects(); !single.empty())
    result = Expander(facts, std::move(single)).run();
  return result;
}

bool AnalysisResult::mayParallel(const Access &a, const Access &b) const {
  // Tasks of one single background thread run one after the other, between its own steps.
  const int ra = contexts[a.context].serialRunner, rb = contexts[b.context].serialRunner;
  if (ra >= 0 && (ra == rb || contexts[b.context].site == ra))
    return false;
  if (rb >= 0 && contexts[a.context].site == rb)
    return false;
  if (a.context == b.context)
    return contexts[a.context].multi;
  if (a.live.count(b.context) || b.live.count(a.context))
    return true;
  std::vector<int> ca = chain(*this, a.context), cb = chain(*this, b.context);
  size_t i = 0;
  while (i < ca.size() && i < cb.size() && ca[i] == cb[i])
    ++i;
  if (i == 0)
    return true;      // different roots: unknown ordering
  if (i == ca.size()) // a's context is an ancestor of b's: is b's branch running at a?
    return a.live.count(cb[i]) > 0;
  if (i == cb.size())
    return b.live.count(ca[i]) > 0;
  const ThreadContext &x = contexts[ca[i]], &y = contexts[cb[i]];
  return x.liveAtCreate.count(y.id) || y.liveAtCreate.count(x.id);
}

report::ThreadInfo AnalysisResult::threadInfo(int context) const {
  report::ThreadInfo t;
  const ThreadContext &c = contexts[context];
  t.id = c.id;
  t.name = c.name;
  if (c.id != 0)
    t.created_at = c.createdAt;
  return t;
}

} // namespace weft::analyzer
