// weft-expect: data-race balance
//
// Each thread takes a lock, but not the same one: two different mutexes guard one variable.
#include <cassert>
#include <mutex>
#include <thread>

int balance = 0;
std::mutex deposit_mutex;
std::mutex withdraw_mutex;

void deposit() {
  for (int i = 0; i < 100; ++i) {
    std::lock_guard<std::mutex> guard(deposit_mutex);
    balance += 2; // weft-line: data-race
  }
}

void withdraw() {
  for (int i = 0; i < 100; ++i) {
    std::lock_guard<std::mutex> guard(withdraw_mutex);
    balance -= 1; // weft-line: data-race
  }
}

int main() {
  std::thread a(deposit);
  std::thread b(withdraw);
  a.join();
  b.join();
  assert(balance == 100);
  return 0;
}
