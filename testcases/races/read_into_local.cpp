// weft-expect: data-race common::other
//
// The reader copies a field of the shared struct into a local after a relaxed flag says it was
// written: no happens-before, so the read races with the write in every schedule, and it is the
// read that finds the race. Both tools name the field read (`common::other`), not the local on
// the left of the `=` (the compiler may put the load on the `=`, the local living in a register)
// and not the struct's address plus an offset (`shared_c+4`).
#include <atomic>
#include <thread>

struct common {
  int es;
  int other;
};

common shared_c;
std::atomic<bool> ready{false};
int sink;

void reader(common *c) {
  while (!ready.load(std::memory_order_relaxed))
    std::this_thread::yield();
  int loc;
  loc = c->other;
  sink = loc;
}

int main() {
  std::thread writer([] {
    shared_c.other = 5;
    ready.store(true, std::memory_order_relaxed);
  });
  reader(&shared_c);
  writer.join();
  return sink == 5 ? 0 : 1;
}
