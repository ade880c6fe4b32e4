// Lock-order inversion from the lock graph (edges held -> acquired, with both stacks). A cycle is
// reported when the edge that closes it is added, even if this run did not deadlock. Successful
// trylock acquisitions add no edge: std::lock / std::scoped_lock take the second lock with try_lock
// and back off, which cannot deadlock. Read locks add no edges either (readers do not exclude each
// other). Each edge keeps its gates, the other locks its thread held in write mode; a cycle two
// of whose edges share a gate cannot deadlock (the gate lets one of them in at a time) and is not
// reported (the Goodlock refinement, as `weft lint` does). An edge taken under other gates than
// its earlier copies is kept beside them, unless an earlier copy's gates are a subset of its own.
#include "core/events.h"
#include "core/stack_depot.h"
#include "detectors/detectors.h"

namespace weft {
namespace {

/// Gates kept per edge; a thread holding more keeps the first ones (fewer gates: more reports).
constexpr uint32_t kMaxGates = 4;
/// Copies of one edge under different gates.
constexpr uint32_t kMaxEdgeCopies = 4;
/// Edges a search may follow before it gives up (a dense graph under gates is exponential).
constexpr uint32_t kSearchBudget = 4096;

struct Edge {
  uintptr_t to;
  Tid tid;
  uint32_t held_stack;
  uint32_t acq_stack;
  uint32_t n_gates;
  uintptr_t gates[kMaxGates];
};

bool has_gate(const Edge &e, uintptr_t lock) {
  for (uint32_t i = 0; i < e.n_gates; ++i)
    if (e.gates[i] == lock) return true;
  return false;
}

/// Every gate of `a` is one of `b`'s.
bool gates_within(const Edge &a, const Edge &b) {
  for (uint32_t i = 0; i < a.n_gates; ++i)
    if (!has_gate(b, a.gates[i])) return false;
  return true;
}

bool share_a_gate(const Edge &a, const Edge &b) {
  for (uint32_t i = 0; i < a.n_gates; ++i)
    if (has_gate(b, a.gates[i])) return true;
  return false;
}
struct Node {
  SmallVector<Edge> out;
};

AddrMap<Node> g_graph;

Node *node(uintptr_t lock) {
  Node *n = g_graph.find(lock);
  if (!n) {
    n = static_cast<Node *>(arena_alloc(sizeof(Node)));
    g_graph.insert(lock, n);
  }
  return n;
}

struct PathStep {
  uintptr_t from;
  Edge edge;
};

/// Depth-first search for a path from -> target whose edges share no gate with each other nor with
/// `closing`; fills path (edges in order). Simple paths only, bounded depth and work.
bool find_path(uintptr_t from, uintptr_t target, const Edge &closing, SmallVector<PathStep> &path,
               uint32_t &budget) {
  if (path.size > 16) return false;
  for (uint32_t i = 0; i < path.size; ++i)
    if (path[i].from == from) return false;
  Node *n = g_graph.find(from);
  if (!n) return false;
  for (uint32_t i = 0; i < n->out.size; ++i) {
    const Edge &e = n->out[i];
    if (budget == 0) return false;
    --budget;
    bool gated = share_a_gate(e, closing);
    for (uint32_t j = 0; j < path.size && !gated; ++j) gated = share_a_gate(e, path[j].edge);
    if (gated) continue;
    path.push_back(PathStep{from, e});
    if (e.to == target || find_path(e.to, target, closing, path, budget)) return true;
    --path.size;
  }
  return false;
}

void report_cycle(ThreadState *t, uintptr_t held, const Edge &closing, SmallVector<PathStep> &path) {
  steps_flush();
  Line l;
  l.len = 0;
  l.str("finding rule=lock-order-inversion").key("tid").dec(t->tid).key("addr").hex(closing.to).key("size").dec(0);
  l.key("text").str("lock-order inversion: ").dec(path.size + 1).str(" locks are acquired in a cycle");
  emit(l, true);
  auto edge_line = [&](uintptr_t from, const Edge &e) {
    l.str("lock").key("tid").dec(e.tid).key("addr").hex(e.to).key("op").str("acquire").key("held").hex(from);
    l.key("stack");
    append_depot_stack(l, 0, e.acq_stack);
    l.key("held_stack");
    append_depot_stack(l, 0, e.held_stack);
    emit(l, true);
  };
  edge_line(held, closing);
  for (uint32_t i = 0; i < path.size; ++i) edge_line(path[i].from, path[i].edge);
  l.str("end-finding");
  emit(l, true);
}

} // namespace

void lock_acquired(ThreadState *t, uintptr_t lock, bool trylock, bool write, uintptr_t pc) {
  uint32_t acq = thread_stack_id_with_pc(t, pc);
  if (!trylock && write) {
    for (uint32_t i = 0; i < t->held.size; ++i) {
      const HeldLock &h = t->held[i];
      if (h.addr == lock || !h.write) continue;
      Edge e{lock, t->tid, h.stack, acq, 0, {}};
      for (uint32_t j = 0; j < t->held.size && e.n_gates < kMaxGates; ++j)
        if (j != i && t->held[j].write && t->held[j].addr != lock) e.gates[e.n_gates++] = t->held[j].addr;
      Node *n = node(h.addr);
      bool known = false;
      uint32_t copies = 0;
      for (uint32_t j = 0; j < n->out.size && !known; ++j)
        if (n->out[j].to == lock) ++copies, known = gates_within(n->out[j], e);
      if (known || copies >= kMaxEdgeCopies) continue;
      n->out.push_back(e);
      SmallVector<PathStep> path{};
      uint32_t budget = kSearchBudget;
      if (find_path(lock, h.addr, e, path, budget)) report_cycle(t, h.addr, e, path);
      path.release();
    }
  }
  t->held.push_back(HeldLock{lock, acq, write});
}

void lock_released(ThreadState *t, uintptr_t lock) {
  for (uint32_t i = t->held.size; i-- > 0;)
    if (t->held[i].addr == lock) {
      t->held.erase_at(i);
      return;
    }
}

} // namespace weft
