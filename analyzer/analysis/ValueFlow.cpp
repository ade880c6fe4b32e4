// Whole-program value flow (see ValueFlow.h).
#include "ValueFlow.h"

#include <algorithm>
#include <cstdlib>
#include <deque>
#include <map>
#include <set>
#include <unordered_map>

namespace weft::analyzer {

namespace {

/// Bound on the nodes one closure visits, so a pathological program stays cheap.
constexpr size_t kMaxClosure = 4096;

/// What a node may hold: parameters it comes from, functions it may be.
struct Closure {
  std::set<std::pair<std::string, int>> params; ///< (function key, parameter index)
  std::set<int> fns;
};

class Flows {
public:
  explicit Flows(const ProgramFacts &p) {
    for (const FunctionBody &b : p.bodies)
      for (const FlowEdge &e : b.flows) {
        if (e.fn >= 0)
          fns_[e.to].push_back(e.fn);
        else if (!e.from.empty())
          from_[e.to].push_back(e.from);
      }
  }

  Closure closure(const std::string &node) const {
    Closure out;
    std::set<std::string> seen{node};
    std::deque<std::string> todo{node};
    while (!todo.empty() && seen.size() < kMaxClosure) {
      std::string n = std::move(todo.front());
      todo.pop_front();
      if (n.starts_with("p:"))
        if (size_t hash = n.rfind('#'); hash != std::string::npos)
          out.params.insert({n.substr(2, hash - 2), std::atoi(n.c_str() + hash + 1)});
      if (auto it = fns_.find(n); it != fns_.end())
        out.fns.insert(it->second.begin(), it->second.end());
      if (auto it = from_.find(n); it != from_.end())
        for (const std::string &f : it->second)
          if (seen.insert(f).second)
            todo.push_back(f);
    }
    return out;
  }

private:
  std::unordered_map<std::string, std::vector<std::string>> from_;
  std::unordered_map<std::string, std::vector<int>> fns_;
};

/// Per function, the functions it may run on its own thread: its calls, and every function a
/// call through a value may reach (a queue of tasks of several types, each a lambda running its
/// own packaged_task).
std::vector<std::vector<int>> callGraph(const ProgramFacts &p, const Flows &flows) {
  std::vector<std::vector<int>> out(p.bodies.size());
  const int n = static_cast<int>(p.bodies.size());
  for (int f = 0; f < n; ++f) {
    std::set<int> callees;
    for (const CallOp &c : p.bodies[f].calls)
      if (c.callee >= 0 && c.callee < n)
        callees.insert(c.callee);
    for (const InvokeOp &inv : p.bodies[f].invokes)
      if (!inv.newThread)
        for (int g : flows.closure(inv.callee).fns)
          if (g >= 0 && g < n)
            callees.insert(g);
    out[f].assign(callees.begin(), callees.end());
  }
  return out;
}

/// Marks in `reached` what `from` runs (itself included); `mark(f)` says whether to go on.
template <class Mark> void reach(const std::vector<std::vector<int>> &graph, int from, Mark mark) {
  if (from < 0 || from >= static_cast<int>(graph.size()) || !mark(from))
    return;
  std::vector<int> todo{from};
  while (!todo.empty()) {
    int f = todo.back();
    todo.pop_back();
    for (int g : graph[f])
      if (mark(g))
        todo.push_back(g);
  }
}

/// Functions some thread other than the initial one may run.
std::vector<bool> threadReachable(const ProgramFacts &p,
                                  const std::vector<std::vector<int>> &graph) {
  std::vector<bool> reached(p.bodies.size(), false);
  for (const ThreadSite &s : p.sites)
    if (!s.candidate)
      reach(graph, s.entry, [&](int f) { return !reached[f] && (reached[f] = true); });
  return reached;
}

/// Per function, the one thread site that runs it when exactly one does and the initial thread
/// does not (-1 otherwise): the thread a queue's tasks run on when the function pops the queue.
std::vector<int> soleRunner(const ProgramFacts &p, const std::vector<std::vector<int>> &graph) {
  constexpr int kNone = -1, kSeveral = -2;
  std::vector<int> runner(p.bodies.size(), kNone);
  std::vector<bool> seen;
  for (const ThreadSite &s : p.sites) {
    if (s.candidate)
      continue;
    seen.assign(p.bodies.size(), false);
    reach(graph, s.entry, [&](int f) {
      if (seen[f])
        return false;
      seen[f] = true;
      runner[f] = runner[f] == kNone ? s.id : kSeveral;
      return true;
    });
  }
  std::vector<bool> byMain(p.bodies.size(), false);
  for (int root : p.roots)
    reach(graph, root, [&](int f) { return !byMain[f] && (byMain[f] = true); });
  for (size_t f = 0; f < runner.size(); ++f)
    if (runner[f] < 0 || byMain[f])
      runner[f] = kNone;
  return runner;
}

/// Whether `b` joins threads: itself, or through a function it calls (a join wrapper).
bool joinsThreads(const ProgramFacts &p, const FunctionBody &b, int depth = 0) {
  for (const Block &blk : b.blocks)
    for (const Event &e : blk.events)
      if (e.kind == Event::Join || e.kind == Event::JoinAfterLoop)
        return true;
  if (depth > 0)
    return false;
  return std::any_of(b.calls.begin(), b.calls.end(), [&](const CallOp &c) {
    return c.callee >= 0 && joinsThreads(p, p.bodies[c.callee], depth + 1);
  });
}

/// Sites started inside `if (flag == idle) { flag = <not idle>; ... }`: at most once when no
/// function of the program stores the idle value again (ThreadSite::once), and not running
/// where the flag reads idle when only functions that join threads store it, or others where
/// the expanded program must show the thread is not running (ThreadSite::startedFlag,
/// unjoinedClears). Drops the FlagIdle edge facts of every other flag.
void markFlaggedSites(ProgramFacts &p) {
  for (ThreadSite &s : p.sites) {
    if (s.guardFlag.empty())
      continue;
    bool cleared = false;
    for (const FunctionBody &b : p.bodies)
      for (const FlagWrite &w : b.flagWrites)
        if (w.flag == s.guardFlag && w.mayStore(s.guardIdle)) {
          cleared = true;
          if (!joinsThreads(p, b))
            s.unjoinedClears.push_back(w.at);
        }
    s.once = !cleared;
    s.startedFlag = s.guardFlag;
  }
  dropStartedFlags(p, {});
}

bool isLocalHandle(const std::string &h) { return h.starts_with("l:") || h.starts_with("n:"); }

/// The handle of the thread a spawning function creates, when callers can name it.
std::string threadHandle(const ProgramFacts &p, const FunctionBody &g) {
  for (const CreateOp &c : g.creates)
    if (const std::string &h = p.sites[c.site].handle; !h.empty() && !isLocalHandle(h))
      return h;
  return "";
}

void addSpawn(FunctionBody &g, SpawnParam sp) {
  auto it = std::find_if(g.spawns.begin(), g.spawns.end(),
                         [&](const SpawnParam &s) { return s.param == sp.param; });
  if (it == g.spawns.end()) {
    g.spawns.push_back(std::move(sp));
    return;
  }
  for (auto &[i, r] : sp.bind.params)
    it->bind.params.emplace(i, r);
  if (it->serialRunner != sp.serialRunner)
    it->serialRunner = -1; // run by different threads
}

} // namespace

/// Fields only ever given fresh allocations (or, with `owned`, objects the storer owned),
/// anywhere in the program: directly, or through nodes that are themselves only ever given such
/// (`Rep *rep = new Rep; ... new Table(rep)` into `Table(Rep *r) : rep_(r)`). A greatest fixed
/// point, so cycles hold. A copy of a node into itself (a struct's copy assignment) gives it
/// nothing new; a node no flow reaches (a parameter of directly called functions) is unknown.
std::set<std::string> freshFields(const ProgramFacts &p, bool owned) {
  std::map<std::string, std::vector<const FlowEdge *>> into;
  for (const FunctionBody &b : p.bodies)
    for (const FlowEdge &e : b.flows)
      if (!e.to.empty())
        into[e.to].push_back(&e);
  std::map<std::string, bool> fresh; // node -> no other value reaches it
  for (const auto &[node, edges] : into)
    fresh[node] = true;
  auto good = [&](const std::string &node, const FlowEdge &e) {
    if (e.fresh || (owned && e.owned) || e.from == node)
      return true;
    if (e.from.empty() || e.fn >= 0 || !e.fnLink.empty())
      return false;
    auto it = fresh.find(e.from);
    return it != fresh.end() && it->second;
  };
  for (bool changed = true; changed;) {
    changed = false;
    for (const auto &[node, edges] : into)
      if (fresh[node] && !std::all_of(edges.begin(), edges.end(),
                                      [&](const FlowEdge *e) { return good(node, *e); })) {
        fresh[node] = false;
        changed = true;
      }
  }
  std::set<std::string> out;
  for (const auto &[node, only] : fresh)
    if (only && node.starts_with("f:"))
      out.insert(node);
  return out;
}

void dropStartedFlags(ProgramFacts &p, const std::set<std::string> &flags) {
  std::set<std::pair<std::string, long long>> started;
  for (ThreadSite &s : p.sites) {
    if (flags.count(s.startedFlag))
      s.startedFlag.clear();
    if (!s.startedFlag.empty())
      started.emplace(s.startedFlag, s.guardIdle);
  }
  for (FunctionBody &b : p.bodies)
    for (Block &blk : b.blocks)
      for (auto *facts : {&blk.onTrue, &blk.onFalse})
        std::erase_if(*facts, [&](const EdgeFact &f) {
          return f.kind == EdgeFact::FlagIdle && !started.count({f.flag, f.value});
        });
}

void resolveValueFlow(ProgramFacts &p) {
  Flows flows(p);
  p.freshFields = freshFields(p, false);
  p.ownedFields = freshFields(p, true);
  // Calls through a value that may be only one function.
  for (FunctionBody &b : p.bodies)
    for (CallOp &c : b.calls)
      if (c.invoke >= 0 && c.callee < 0) {
        Closure cl = flows.closure(b.invokes[c.invoke].callee);
        if (cl.fns.size() == 1)
          c.callee = *cl.fns.begin();
      }

  std::map<std::string, int> byKey;
  for (int i = 0; i < static_cast<int>(p.bodies.size()); ++i)
    if (!p.bodies[i].flowKey.empty())
      byKey.emplace(p.bodies[i].flowKey, i);
  markFlaggedSites(p);
  const std::vector<std::vector<int>> graph = callGraph(p, flows);
  const std::vector<bool> onThread = threadReachable(p, graph);
  const std::vector<int> runner = soleRunner(p, graph);
  for (int b = 0; b < static_cast<int>(p.bodies.size()); ++b) {
    for (const InvokeOp &inv : p.bodies[b].invokes) {
      if (!inv.newThread && !onThread[b])
        continue;
      for (const auto &[key, param] : flows.closure(inv.callee).params) {
        auto g = byKey.find(key);
        // A parameter called in its own function is an ordinary call on the caller's thread;
        // it spawns when it starts a thread, or crosses to code a thread runs through a store.
        if (g == byKey.end() || (g->second == b && !inv.newThread))
          continue;
        SpawnParam sp{param, {}, inv.loc, threadHandle(p, p.bodies[g->second])};
        // Stored where code of one thread started once calls it: that thread runs them all.
        if (!inv.newThread && runner[b] >= 0 && p.sites[runner[b]].once)
          sp.serialRunner = runner[b];
        for (size_t i = 0; i < inv.args.size(); ++i) {
          if (inv.args[i].empty())
            continue;
          for (const auto &[argKey, argParam] : flows.closure(inv.args[i]).params)
            if (argKey == key) {
              std::string target = "p#" + std::to_string(argParam);
              sp.bind.params[static_cast<int>(i)] = {ObjRef::ParamTarget, "*" + target, target};
              break;
            }
        }
        addSpawn(p.bodies[g->second], std::move(sp));
      }
    }
  }
  // A callable handed to a spawning call is joined by the handle its thread is created with.
  for (const FunctionBody &b : p.bodies)
    for (const CallOp &c : b.calls)
      for (const auto &[param, arg] : c.callables)
        if (c.callee >= 0 && arg.site >= 0)
          for (const SpawnParam &sp : p.bodies[c.callee].spawns)
            if (sp.param == param && !sp.handle.empty())
              p.sites[arg.site].joinedBy = sp.handle;
}

} // namespace weft::analyzer
