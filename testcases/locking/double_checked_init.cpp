// weft-expect: data-race instance
//
// Double-checked initialisation on a plain pointer: the first check reads `instance` without the
// lock while another thread may be writing it under the lock.
#include <cassert>
#include <mutex>
#include <thread>

struct Config {
  int retries = 3;
};

Config *instance = nullptr;
std::mutex init_mutex;

Config *getConfig() {
  if (instance == nullptr) { // weft-line: data-race
    std::lock_guard<std::mutex> guard(init_mutex);
    if (instance == nullptr)
      instance = new Config;
  }
  return instance;
}

int main() {
  int a_retries = 0;
  int b_retries = 0;
  std::thread a([&a_retries] { a_retries = getConfig()->retries; });
  std::thread b([&b_retries] { b_retries = getConfig()->retries; });
  a.join();
  b.join();
  assert(a_retries == 3 && b_retries == 3);
  delete instance;
  return 0;
}
