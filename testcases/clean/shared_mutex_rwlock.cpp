// weft-expect: clean
//
// A reader/writer lock: readers share std::shared_mutex, the writer takes it exclusively.
#include <cassert>
#include <map>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <thread>

std::shared_mutex table_mutex;
std::map<int, int> table;

void writer() {
  for (int i = 0; i < 20; ++i) {
    std::unique_lock<std::shared_mutex> lock(table_mutex);
    table[i % 5] += 1;
  }
}

int reader() {
  int seen = 0;
  for (int i = 0; i < 20; ++i) {
    std::shared_lock<std::shared_mutex> lock(table_mutex);
    auto it = table.find(i % 5);
    if (it != table.end())
      seen += it->second;
  }
  return seen;
}

int main() {
  int r1 = 0;
  int r2 = 0;
  std::thread w(writer);
  std::thread a([&r1] { r1 = reader(); });
  std::thread b([&r2] { r2 = reader(); });
  w.join();
  a.join();
  b.join();
  assert(r1 >= 0 && r2 >= 0);
  assert(table.size() == 5);
  return 0;
}
