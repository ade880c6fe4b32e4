// Whole-program joining of per-TU facts (see Linker.h).
#include "Linker.h"

#include <map>
#include <set>
#include <string>

namespace weft::analyzer {

namespace {

/// Renumbers one unit's function and site indices into the joined program.
void shift(FunctionBody &f, int fnBase, int siteBase) {
  for (CallOp &c : f.calls) {
    if (c.callee >= 0)
      c.callee += fnBase;
    for (auto &[param, arg] : c.callables)
      if (arg.site >= 0)
        arg.site += siteBase;
  }
  for (FlowEdge &e : f.flows)
    if (e.fn >= 0)
      e.fn += fnBase;
  auto shiftTargets = [&](std::vector<OutTarget> &targets) {
    for (OutTarget &t : targets)
      if (t.fn >= 0)
        t.fn += fnBase;
  };
  for (OutParam &op : f.outParams)
    shiftTargets(op.forwards);
  for (FilledPointee &fp : f.filledPointees)
    shiftTargets(fp.fills);
  for (CallFilledPointee &cp : f.callFilledPointees)
    shiftTargets(cp.calls);
  for (CreateOp &c : f.creates)
    c.site += siteBase;
  for (ThreadOp &t : f.threads)
    if (t.site >= 0)
      t.site += siteBase;
}

/// Calls `fn(name)` for every linkage name a unit calls or starts as a thread but does not
/// define (what the linker has to bind), giving a reference to the index to bind it in.
template <class Facts, class Fn> void forEachOpenName(Facts &unit, Fn fn) {
  for (auto &f : unit.bodies)
    for (auto &c : f.calls)
      if (c.callee < 0 && !c.calleeLink.empty())
        fn(c.calleeLink, c.callee);
  for (auto &s : unit.sites)
    if (s.entry < 0 && !s.entryLink.empty())
      fn(s.entryLink, s.entry);
  for (auto &f : unit.bodies)
    for (auto &e : f.flows)
      if (e.fn < 0 && !e.fnLink.empty())
        fn(e.fnLink, e.fn);
}

/// A virtual call no file defines under the called name (`env_->Schedule(...)` on an abstract
/// `Env`) runs the override when the program has exactly one.
void bindOverrides(ProgramFacts &program) {
  const std::map<std::string, std::vector<int>> overriders = overridersOf(program);
  for (FunctionBody &f : program.bodies)
    for (CallOp &c : f.calls)
      if (c.callee < 0 && c.isVirtual)
        if (auto it = overriders.find(c.calleeLink);
            it != overriders.end() && it->second.size() == 1)
          c.callee = it->second.front();
}

/// Roots of a unit without `main`: whoever starts threads and is not called by analysed code
/// (anywhere in the program, now that calls across files are bound).
void addFallbackRoots(ProgramFacts &program, int first, int last, const std::set<int> &called) {
  for (int i = first; i < last; ++i)
    if (!program.bodies[i].creates.empty() && !called.count(i))
      program.roots.push_back(i);
}

} // namespace

std::map<std::string, std::vector<int>> overridersOf(const ProgramFacts &program) {
  std::map<std::string, std::vector<int>> overriders;
  for (int i = 0; i < static_cast<int>(program.bodies.size()); ++i)
    for (const std::string &base : program.bodies[i].overrides)
      overriders[base].push_back(i);
  return overriders;
}

ProgramFacts linkFacts(const std::vector<const ProgramFacts *> &units) {
  ProgramFacts program;
  std::vector<std::pair<int, int>> ranges; // per unit: its functions in the program
  for (const ProgramFacts *u : units) {
    const int fnBase = static_cast<int>(program.bodies.size());
    const int siteBase = static_cast<int>(program.sites.size());
    for (FunctionBody f : u->bodies) {
      shift(f, fnBase, siteBase);
      program.bodies.push_back(std::move(f));
    }
    for (ThreadSite s : u->sites) {
      s.id += siteBase;
      if (s.entry >= 0)
        s.entry += fnBase;
      program.sites.push_back(std::move(s));
    }
    if (u->hasMain)
      for (int r : u->roots)
        program.roots.push_back(r + fnBase);
    program.hasMain = program.hasMain || u->hasMain;
    ranges.emplace_back(fnBase, static_cast<int>(program.bodies.size()));
  }

  std::map<std::string, int> defined;
  for (int i = 0; i < static_cast<int>(program.bodies.size()); ++i)
    if (!program.bodies[i].linkName.empty())
      defined.emplace(program.bodies[i].linkName, i);
  auto bind = [&](const std::string &link) {
    auto it = defined.find(link);
    return it == defined.end() ? -1 : it->second;
  };
  forEachOpenName(program, [&](const std::string &link, int &index) { index = bind(link); });
  bindOverrides(program);
  std::set<int> called;
  for (const FunctionBody &f : program.bodies)
    for (const CallOp &c : f.calls)
      if (c.callee >= 0)
        called.insert(c.callee);

  if (!program.hasMain)
    addFallbackRoots(program, 0, static_cast<int>(program.bodies.size()), called);
  else
    for (size_t u = 0; u < units.size(); ++u)
      if (!units[u]->hasMain)
        addFallbackRoots(program, ranges[u].first, ranges[u].second, called);
  return program;
}

std::vector<std::vector<const ProgramFacts *>>
partitionPrograms(const std::vector<const ProgramFacts *> &units) {
  std::vector<size_t> mains;
  for (size_t u = 0; u < units.size(); ++u)
    if (units[u]->hasMain)
      mains.push_back(u);
  if (mains.size() <= 1)
    return {units};

  // Which units each unit needs: those defining the names it calls or starts and leaves open.
  std::map<std::string, size_t> definedIn;
  for (size_t u = 0; u < units.size(); ++u)
    for (const FunctionBody &f : units[u]->bodies)
      if (!f.linkName.empty())
        definedIn.emplace(f.linkName, u);
  std::vector<std::set<size_t>> needs(units.size());
  for (size_t u = 0; u < units.size(); ++u)
    forEachOpenName(*units[u], [&](const std::string &link, const int &) {
      if (auto it = definedIn.find(link); it != definedIn.end() && !units[it->second]->hasMain)
        needs[u].insert(it->second);
    });

  std::vector<std::vector<const ProgramFacts *>> programs;
  std::vector<bool> reachedByAny(units.size(), false);
  for (size_t m : mains) {
    std::vector<bool> in(units.size(), false);
    std::vector<size_t> todo{m};
    in[m] = true;
    while (!todo.empty()) {
      size_t u = todo.back();
      todo.pop_back();
      for (size_t d : needs[u])
        if (!in[d]) {
          in[d] = reachedByAny[d] = true;
          todo.push_back(d);
        }
    }
    std::vector<const ProgramFacts *> members;
    for (size_t u = 0; u < units.size(); ++u)
      if (in[u])
        members.push_back(units[u]);
    programs.push_back(std::move(members));
  }
  std::vector<const ProgramFacts *> unreached;
  for (size_t u = 0; u < units.size(); ++u)
    if (!units[u]->hasMain && !reachedByAny[u])
      unreached.push_back(units[u]);
  if (!unreached.empty())
    programs.push_back(std::move(unreached));
  return programs;
}

} // namespace weft::analyzer
