// weft-expect: clean
//
// Lazy initialisation with std::call_once: the initialiser runs once and everything it wrote
// happens before every call_once that returns.
#include <cassert>
#include <mutex>
#include <thread>

struct Table {
  int entries[4] = {1, 2, 3, 4};
};

std::once_flag table_once;
Table *table = nullptr;

Table &getTable() {
  std::call_once(table_once, [] { table = new Table; });
  return *table;
}

int main() {
  int a_sum = 0;
  int b_sum = 0;
  std::thread a([&a_sum] { a_sum = getTable().entries[3]; });
  std::thread b([&b_sum] { b_sum = getTable().entries[0]; });
  a.join();
  b.join();
  assert(a_sum == 4 && b_sum == 1);
  delete table;
  return 0;
}
