// weft-expect: data-race Stats::hits
//
// A lost update on a static data member: canonically named by its qualified name.
#include <cassert>
#include <thread>

struct Stats {
  static int hits;
};
int Stats::hits = 0;

void record() {
  for (int i = 0; i < 100; ++i)
    ++Stats::hits;
}

int main() {
  std::thread a(record);
  std::thread b(record);
  a.join();
  b.join();
  assert(Stats::hits == 200);
  return 0;
}
