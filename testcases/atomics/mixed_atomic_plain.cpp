// weft-expect: data-race hits
//
// One thread updates `hits` atomically through std::atomic_ref, the other with a plain increment:
// an atomic access does not protect against a plain one.
#include <atomic>
#include <cassert>
#include <thread>

int hits = 0;

void atomicHits() {
  for (int i = 0; i < 100; ++i)
    std::atomic_ref<int>(hits).fetch_add(1);
}

void plainHits() {
  for (int i = 0; i < 100; ++i)
    ++hits;
}

int main() {
  std::thread a(atomicHits);
  std::thread b(plainHits);
  a.join();
  b.join();
  assert(hits == 200);
  return 0;
}
