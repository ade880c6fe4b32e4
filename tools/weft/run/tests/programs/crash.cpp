// A crash after some synchronisation: a worker dereferences a pointer the main thread cleared.
#include <mutex>
#include <thread>

std::mutex m;
int value = 1;
int *volatile shared = &value;

int main() {
  std::thread t([] {
    std::lock_guard<std::mutex> lock(m);
    shared = nullptr;
  });
  t.join();
  std::lock_guard<std::mutex> lock(m);
  return *shared; // SIGSEGV
}
