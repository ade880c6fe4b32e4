// The example `tools/scripts/demo.sh` runs weft on: a tiny bank whose audit thread reads a balance
// without the account's lock while two tellers deposit under it. `weft lint` finds the unprotected
// read statically; `weft run` finds the same race (and the audit's failed invariant) by steering the
// interleaving, and `weft replay` reproduces it.
#include <cassert>
#include <mutex>
#include <thread>

class Account {
public:
  void deposit(int amount) {
    std::lock_guard<std::mutex> lock(mu_);
    balance_ += amount;
  }
  // Bug: reads balance_ without mu_.
  int balance() const { return balance_; }

private:
  mutable std::mutex mu_;
  int balance_ = 0;
};

int main() {
  Account account;
  std::thread teller1([&] {
    for (int i = 0; i < 3; ++i)
      account.deposit(10);
  });
  std::thread teller2([&] {
    for (int i = 0; i < 3; ++i)
      account.deposit(10);
  });
  std::thread audit([&] {
    int seen = account.balance();
    assert(seen % 10 == 0);
  });
  teller1.join();
  teller2.join();
  audit.join();
  assert(account.balance() == 60);
  return 0;
}
