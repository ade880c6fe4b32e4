// weft-expect-lint: lock-order-inversion
// weft-expect-run: deadlock|lock-order-inversion
//
// The classic bank transfer: lock the source account, then the destination. Two transfers in
// opposite directions take the same two mutexes in opposite orders. The locks are reached through
// reference parameters, so a static tool must bind them at the two call sites to see the cycle.
#include <mutex>
#include <thread>

struct Account {
  std::mutex mutex;
  int balance = 100;
};

void transfer(Account &from, Account &to, int amount) {
  std::lock_guard<std::mutex> lock_from(from.mutex);
  std::lock_guard<std::mutex> lock_to(to.mutex);
  from.balance -= amount;
  to.balance += amount;
}

int main() {
  Account alice;
  Account bob;
  std::thread a([&] { transfer(alice, bob, 10); });
  std::thread b([&] { transfer(bob, alice, 20); });
  a.join();
  b.join();
  return alice.balance + bob.balance == 200 ? 0 : 1;
}
