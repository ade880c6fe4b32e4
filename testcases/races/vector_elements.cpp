// weft-expect: data-race values
//
// Two threads update the same elements of a std::vector with no lock. The elements live on the
// heap; the canonical name is the vector's own name.
#include <cassert>
#include <numeric>
#include <thread>
#include <vector>

int main() {
  std::vector<int> values(4, 0);
  auto bump = [&values] {
    for (int round = 0; round < 25; ++round)
      for (std::size_t i = 0; i < values.size(); ++i)
        ++values[i];
  };
  std::thread a(bump);
  std::thread b(bump);
  a.join();
  b.join();
  assert(std::accumulate(values.begin(), values.end(), 0) == 200);
  return 0;
}
