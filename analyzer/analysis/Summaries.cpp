// Bottom-up summaries over the call graph's SCCs (Summaries.h).
#include "Summaries.h"

#include "Lockset.h"
#include "LocksetPass.h"

#include <algorithm>

namespace weft::analyzer {

namespace {

/// Tarjan's algorithm, iterative (call chains in real code are deep). Components come out
/// callees first.
std::vector<std::vector<int>> components(const std::vector<std::vector<int>> &edges) {
  const int n = static_cast<int>(edges.size());
  std::vector<int> index(n, -1), low(n, 0), stack;
  std::vector<char> onStack(n, 0);
  std::vector<std::vector<int>> out;
  int next = 0;
  struct Frame {
    int v;
    size_t child;
  };
  for (int root = 0; root < n; ++root) {
    if (index[root] >= 0)
      continue;
    std::vector<Frame> frames{{root, 0}};
    index[root] = low[root] = next++;
    stack.push_back(root);
    onStack[root] = 1;
    while (!frames.empty()) {
      Frame &f = frames.back();
      if (f.child < edges[f.v].size()) {
        int w = edges[f.v][f.child++];
        if (index[w] < 0) {
          index[w] = low[w] = next++;
          stack.push_back(w);
          onStack[w] = 1;
          frames.push_back({w, 0});
        } else if (onStack[w]) {
          low[f.v] = std::min(low[f.v], index[w]);
        }
        continue;
      }
      const int v = f.v;
      frames.pop_back();
      if (!frames.empty())
        low[frames.back().v] = std::min(low[frames.back().v], low[v]);
      if (low[v] == index[v]) {
        std::vector<int> comp;
        int w;
        do {
          w = stack.back();
          stack.pop_back();
          onStack[w] = 0;
          comp.push_back(w);
        } while (w != v);
        out.push_back(std::move(comp));
      }
    }
  }
  return out;
}

bool sameLocks(const std::vector<HeldLock> &a, const std::vector<HeldLock> &b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](const HeldLock &x, const HeldLock &y) {
           return sameLock(x.lock, y.lock) && x.shared == y.shared && x.sync == y.sync;
         });
}

/// What a caller sees of a summary: equal effects mean a cycle has converged.
bool sameEffect(const FunctionSummary &a, const FunctionSummary &b) {
  return sameLocks(a.acquiredAtExit, b.acquiredAtExit) && a.releasedAtExit == b.releasedAtExit &&
         a.liveAtExit.live == b.liveAtExit.live && a.liveAtExit.joined == b.liveAtExit.joined &&
         a.liveAtExit.ended == b.liveAtExit.ended && a.syncReleased == b.syncReleased;
}

} // namespace

void summarizeProgram(ProgramFacts &program, int maxCycleRounds) {
  const size_t n = program.bodies.size();
  std::vector<std::vector<int>> calls(n);
  for (size_t f = 0; f < n; ++f)
    for (const CallOp &c : program.bodies[f].calls)
      if (c.callee >= 0)
        calls[f].push_back(c.callee);
  program.functions.assign(n, FunctionSummary{});
  std::vector<char> called(n, 0);
  for (const std::vector<int> &callees : calls)
    for (int c : callees)
      called[c] = 1;
  for (const std::vector<int> &comp : components(calls)) {
    const bool recursive =
        comp.size() > 1 || std::count(calls[comp[0]].begin(), calls[comp[0]].end(), comp[0]);
    if (!recursive) {
      program.functions[comp[0]] =
          summarizeBody(program.bodies[comp[0]], program.functions, program.sites);
      continue;
    }
    bool converged = false;
    for (int round = 0; round < maxCycleRounds && !converged; ++round) {
      converged = true;
      for (int f : comp) {
        FunctionSummary s = summarizeBody(program.bodies[f], program.functions, program.sites);
        converged = converged && round > 0 && sameEffect(s, program.functions[f]);
        program.functions[f] = std::move(s);
      }
    }
    if (!converged) {
      std::string names;
      for (int f : comp)
        names += (names.empty() ? "" : " -> ") + program.bodies[f].name;
      program.cutCycles.push_back(names);
    }
  }
  for (size_t f = 0; f < n; ++f)
    program.functions[f].facts.called = called[f];
  for (const FunctionBody &body : program.bodies)
    for (const CallOp &c : body.calls)
      if (c.callee >= 0 && !c.inLoop)
        program.functions[c.callee].facts.callsOutsideLoops.push_back(c.loc);
}

} // namespace weft::analyzer
