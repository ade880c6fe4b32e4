// weft-expect: data-race progress
//
// The spawner writes the variable after starting the thread but before joining it.
#include <cstdio>
#include <thread>

int progress = 0;

void advance() {
  for (int i = 0; i < 100; ++i)
    progress += 1;
}

int main() {
  std::thread t(advance);
  progress = 0; // weft-line: data-race
  t.join();
  std::printf("%d\n", progress);
  return 0;
}
