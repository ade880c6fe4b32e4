// weft-expect: clean
//
// C++20 std::binary_semaphore hand-off: the producer writes, releases; the consumer acquires,
// reads.
#include <cassert>
#include <semaphore>
#include <thread>

std::binary_semaphore filled{0};
int message = 0;

int main() {
  std::thread producer([] {
    message = 99;
    filled.release();
  });
  filled.acquire();
  assert(message == 99);
  producer.join();
  return 0;
}
