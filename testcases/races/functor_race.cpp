// weft-expect: data-race Tally::count
//
// Thread entries that are function objects holding a reference to one shared object.
#include <cassert>
#include <thread>

struct Tally {
  int count = 0;
};

struct Worker {
  Tally &tally;
  void operator()() const {
    for (int i = 0; i < 100; ++i)
      tally.count += 1; // weft-line: data-race
  }
};

int main() {
  Tally tally;
  std::thread a(Worker{tally});
  std::thread b(Worker{tally});
  a.join();
  b.join();
  assert(tally.count == 200);
  return 0;
}
