// weft-expect: data-race Account::balance_
//
// A lost update on a field reached through `this`: two threads run a member function of the same
// object, and the member function updates the field without a lock.
#include <cassert>
#include <thread>

class Account {
public:
  void depositMany(int times) {
    for (int i = 0; i < times; ++i)
      balance_ += 1;
  }
  int balance() const { return balance_; }

private:
  int balance_ = 0;
};

int main() {
  Account account;
  std::thread a(&Account::depositMany, &account, 100);
  std::thread b(&Account::depositMany, &account, 100);
  a.join();
  b.join();
  assert(account.balance() == 200);
  return 0;
}
