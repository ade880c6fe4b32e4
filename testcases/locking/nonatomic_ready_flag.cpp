// weft-expect: data-race ready
// weft-expect-lint: data-race payload
//
// A plain bool publishes a payload. Both variables race. A runtime stops at the first race it
// sees, which is always on `ready` (the consumer reads `ready` before `payload`), so only the
// static tool is required to report `payload` as well.
#include <cassert>
#include <thread>

int payload = 0;
bool ready = false;

void produce() {
  payload = 42;
  ready = true;
}

void consume() {
  if (ready)
    assert(payload == 42);
}

int main() {
  std::thread a(produce);
  std::thread b(consume);
  a.join();
  b.join();
  return 0;
}
