// Issue 14 item 10: names do not depend on the current directory. This program is compiled from
// its own directory with -fdebug-prefix-map=$PWD=. (a reproducible build): its debug info says
// `relative_paths.cpp` in the compilation directory `.`. The race on the heap field is named
// `Box::value` (from the source, parsed) whether `weft run` is started there or elsewhere.
#include <thread>

struct Box {
  int pad;
  int value;
};

void work(Box *b) { b->value++; }

int main() {
  Box *b = new Box{0, 0};
  std::thread t(work, b);
  work(b);
  t.join();
  delete b;
  return 0;
}
