// Issue 14 item 5: a lock-free two-level skip list filled by three threads with overlapping keys.
// Inserts link level 0 with a CAS (retried when it fails), then level 1, then mark the node fully
// linked; a thread that finds its key already present waits until that node is fully linked, and
// every retry and every wait round is counted in a shared statistic (as real code does). All of it
// terminates under every fair schedule; before the fix PCT could run a waiting thread forever (the
// statistic it updates looked like progress) and reported `livelock`.
#include <atomic>
#include <cassert>
#include <thread>

namespace {

constexpr int kLevels = 2;
constexpr int kKeys = 6;

struct Node {
  int key;
  int height;
  std::atomic<Node *> next[kLevels];
  std::atomic<bool> fully_linked;
};

Node head_node{-1, kLevels, {}, {}};
Node pool[3][kKeys];
std::atomic<long> retries; // statistics: every failed CAS and every wait round
std::atomic<int> inserted;

// preds[l] is the last node at level l with a key below `key`; returns the level-0 successor.
Node *find(int key, Node *preds[kLevels]) {
  Node *pred = &head_node;
  Node *found = nullptr;
  for (int l = kLevels - 1; l >= 0; --l) {
    Node *cur = pred->next[l].load(std::memory_order_acquire);
    while (cur && cur->key < key) {
      pred = cur;
      cur = pred->next[l].load(std::memory_order_acquire);
    }
    preds[l] = pred;
    if (l == 0)
      found = cur;
  }
  return found;
}

void insert(Node *n) {
  Node *preds[kLevels];
  for (;;) {
    Node *succ = find(n->key, preds);
    if (succ && succ->key == n->key) { // already there: wait until its inserter has finished
      while (!succ->fully_linked.load(std::memory_order_acquire))
        retries.fetch_add(1, std::memory_order_relaxed);
      return;
    }
    n->next[0].store(succ, std::memory_order_relaxed);
    if (preds[0]->next[0].compare_exchange_strong(succ, n, std::memory_order_acq_rel))
      break;
    retries.fetch_add(1, std::memory_order_relaxed);
  }
  for (int l = 1; l < n->height; ++l) {
    for (;;) {
      Node *succ = preds[l]->next[l].load(std::memory_order_acquire);
      while (succ && succ->key < n->key) { // someone linked past our predecessor: move on
        preds[l] = succ;
        succ = succ->next[l].load(std::memory_order_acquire);
      }
      n->next[l].store(succ, std::memory_order_relaxed);
      if (preds[l]->next[l].compare_exchange_strong(succ, n, std::memory_order_acq_rel))
        break;
      retries.fetch_add(1, std::memory_order_relaxed);
    }
  }
  n->fully_linked.store(true, std::memory_order_release);
  inserted.fetch_add(1, std::memory_order_relaxed);
}

void fill(int id) {
  for (int i = 0; i < kKeys; ++i) {
    Node *n = &pool[id][i];
    n->key = (i + id * 2) % kKeys; // every thread inserts every key, from another start
    n->height = 1 + (n->key % 2);
    insert(n);
  }
}

} // namespace

int main() {
  std::thread t1(fill, 1), t2(fill, 2);
  fill(0);
  t1.join();
  t2.join();
  int count = 0, last = -1;
  for (Node *n = head_node.next[0].load(); n; n = n->next[0].load()) {
    assert(n->key > last && n->fully_linked.load());
    last = n->key;
    ++count;
  }
  assert(count == inserted.load());
  return 0;
}
