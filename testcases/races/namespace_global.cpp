// weft-expect: data-race stats::requests
//
// A lost update on a global inside a namespace: canonically named by its qualified name.
#include <cassert>
#include <thread>

namespace stats {
long requests = 0;
} // namespace stats

void serve() {
  for (int i = 0; i < 100; ++i)
    stats::requests += 1;
}

int main() {
  std::thread a(serve);
  std::thread b(serve);
  a.join();
  b.join();
  assert(stats::requests == 200);
  return 0;
}
