// Lock-order inversion from the lock graph (edges held -> acquired, with both stacks). A cycle is
// reported when the edge that closes it is added, even if this run did not deadlock. Successful
// trylock acquisitions add no edge: std::lock / std::scoped_lock take the second lock with try_lock
// and back off, which cannot deadlock. Read locks add no edges either (readers do not exclude each
// other).
#include "core/events.h"
#include "core/stack_depot.h"
#include "detectors/detectors.h"

namespace weft {
namespace {

struct Edge {
  uintptr_t to;
  Tid tid;
  uint32_t held_stack;
  uint32_t acq_stack;
};
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

/// Depth-first search for a path from -> target; fills path (edges in order). Bounded depth.
bool find_path(uintptr_t from, uintptr_t target, SmallVector<PathStep> &path, SmallVector<uintptr_t> &seen) {
  if (path.size > 16) return false;
  for (uint32_t i = 0; i < seen.size; ++i)
    if (seen[i] == from) return false;
  seen.push_back(from);
  Node *n = g_graph.find(from);
  if (!n) return false;
  for (uint32_t i = 0; i < n->out.size; ++i) {
    path.push_back(PathStep{from, n->out[i]});
    if (n->out[i].to == target || find_path(n->out[i].to, target, path, seen)) return true;
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
      Node *n = node(h.addr);
      bool exists = false;
      for (uint32_t j = 0; j < n->out.size && !exists; ++j) exists = n->out[j].to == lock;
      if (exists) continue;
      Edge e{lock, t->tid, h.stack, acq};
      n->out.push_back(e);
      SmallVector<PathStep> path{};
      SmallVector<uintptr_t> seen{};
      if (find_path(lock, h.addr, path, seen)) report_cycle(t, h.addr, e, path);
      path.release();
      seen.release();
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
