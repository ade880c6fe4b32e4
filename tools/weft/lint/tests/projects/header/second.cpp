// weft-expect: data-race shared
// The other of two files that include shared.h and race on its counter.
#include "shared.h"

#include <thread>

int main() {
  std::thread a(bump);
  std::thread b(bump);
  a.join();
  b.join();
  return shared;
}
