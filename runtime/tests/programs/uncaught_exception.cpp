// Issue 14 item 10: an exception that ends in std::terminate is reported with its type and what()
// at its throw expression. `queue`: two workers push into a queue of one slot under a lock, and
// the second push throws std::runtime_error out of its thread (std::thread's routine is noexcept:
// terminate after the unwinder has left push()). `int`: main throws an int from a helper.
#include <cstring>
#include <mutex>
#include <stdexcept>
#include <thread>

std::mutex mu;
int items = 0;

void push() {
  std::lock_guard<std::mutex> guard(mu);
  if (++items > 1)
    throw std::runtime_error("queue full"); // weft-test: queue
}

__attribute__((noinline)) void check(int code) {
  if (code != 0)
    throw code; // weft-test: int
}

int main(int argc, char **argv) {
  if (argc > 1 && std::strcmp(argv[1], "int") == 0) {
    check(argc);
    return 0;
  }
  std::thread a(push), b(push);
  a.join();
  b.join();
  return 0;
}
