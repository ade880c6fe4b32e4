#include "stats.h"

#include <thread>

int main() {
  std::thread a(worker);
  std::thread b(worker);
  a.join();
  b.join();
}
