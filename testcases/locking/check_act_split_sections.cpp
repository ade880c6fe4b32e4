// weft-expect-lint: clean
// weft-expect-run: assertion-failure
//
// An atomicity violation with no data race: every access to `balance` holds the lock, but the
// check and the act are two separate critical sections. When the other thread runs between them
// both withdrawals pass the check and the balance goes negative. Only a scheduler that steers
// the interleaving finds it; a static lockset analysis correctly sees nothing unprotected.
#include <cassert>
#include <mutex>
#include <thread>

std::mutex account_mutex;
int balance = 100;

bool canWithdraw(int amount) {
  std::lock_guard<std::mutex> guard(account_mutex);
  return balance >= amount;
}

void doWithdraw(int amount) {
  std::lock_guard<std::mutex> guard(account_mutex);
  balance -= amount;
}

void withdraw(int amount) {
  if (canWithdraw(amount))
    doWithdraw(amount);
}

int main() {
  std::thread a(withdraw, 80);
  std::thread b(withdraw, 80);
  a.join();
  b.join();
  std::lock_guard<std::mutex> guard(account_mutex);
  assert(balance >= 0);
  return 0;
}
