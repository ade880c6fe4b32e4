// weft-expect: data-race Node::value
//
// A field of a heap object reached through a pointer copied into both threads.
#include <cassert>
#include <memory>
#include <thread>

struct Node {
  int value = 0;
};

int main() {
  auto node = std::make_unique<Node>();
  Node *shared = node.get();
  auto bump = [shared] {
    for (int i = 0; i < 100; ++i)
      shared->value += 1; // weft-line: data-race
  };
  std::thread a(bump);
  std::thread b(bump);
  a.join();
  b.join();
  assert(node->value == 200);
  return 0;
}
