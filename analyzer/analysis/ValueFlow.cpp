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

/// Functions some thread other than the initial one may run: from each thread entry, through
/// calls and through every function a call through a value may reach (a queue of tasks of
/// several types, each a lambda running its own packaged_task).
std::vector<bool> threadReachable(const ProgramFacts &p, const Flows &flows) {
  std::vector<bool> reached(p.bodies.size(), false);
  std::vector<int> todo;
  for (const ThreadSite &s : p.sites)
    if (!s.candidate && s.entry >= 0 && !reached[s.entry]) {
      reached[s.entry] = true;
      todo.push_back(s.entry);
    }
  while (!todo.empty()) {
    int f = todo.back();
    todo.pop_back();
    auto reach = [&](int g) {
      if (g >= 0 && g < static_cast<int>(reached.size()) && !reached[g]) {
        reached[g] = true;
        todo.push_back(g);
      }
    };
    for (const CallOp &c : p.bodies[f].calls)
      reach(c.callee);
    for (const InvokeOp &inv : p.bodies[f].invokes)
      if (!inv.newThread)
        for (int g : flows.closure(inv.callee).fns)
          reach(g);
  }
  return reached;
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
}

} // namespace

/// Fields only ever given fresh allocations, anywhere in the program.
std::set<std::string> freshFields(const ProgramFacts &p) {
  std::map<std::string, bool> fresh; // field node -> no other value reaches it
  for (const FunctionBody &b : p.bodies)
    for (const FlowEdge &e : b.flows)
      if (e.to.starts_with("f:")) {
        auto [it, inserted] = fresh.try_emplace(e.to, e.fresh);
        it->second = it->second && e.fresh;
      }
  std::set<std::string> out;
  for (const auto &[node, only] : fresh)
    if (only)
      out.insert(node);
  return out;
}

void resolveValueFlow(ProgramFacts &p) {
  Flows flows(p);
  p.freshFields = freshFields(p);
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
  const std::vector<bool> onThread = threadReachable(p, flows);
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
