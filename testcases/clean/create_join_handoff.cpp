// weft-expect: clean
//
// Ownership passed through create and join: main fills the buffer before the thread starts, the
// thread is its only user while it runs, and main reads it again only after join.
#include <cassert>
#include <thread>
#include <vector>

std::vector<int> buffer;

void doubleAll() {
  for (int &x : buffer)
    x *= 2;
}

int main() {
  for (int i = 0; i < 10; ++i)
    buffer.push_back(i);
  std::thread worker(doubleAll);
  worker.join();
  int sum = 0;
  for (int x : buffer)
    sum += x;
  assert(sum == 90);
  return 0;
}
