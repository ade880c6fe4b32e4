// weft-expect: data-race Account::balance_
//
// Account::balance_ is declared GUARDED_BY(mu_) (Clang's thread-safety annotation); deposit()
// honours it, audit() forgets the lock. weft lint reports the access without mu_.
#include <cstdio>
#include <mutex>
#include <thread>

#if defined(__clang__)
#define GUARDED_BY(x) __attribute__((guarded_by(x)))
#else
#define GUARDED_BY(x)
#endif

class Account {
public:
  void deposit(int amount) {
    std::lock_guard<std::mutex> guard(mu_);
    balance_ += amount;
  }
  // Forgets mu_: races with deposit() in the other thread.
  long audit() const { return balance_; } // weft-line: data-race

private:
  mutable std::mutex mu_;
  long balance_ GUARDED_BY(mu_) = 0;
};

int main() {
  Account account;
  long seen = 0;
  std::thread depositor([&account] {
    for (int i = 0; i < 100; ++i)
      account.deposit(1);
  });
  std::thread auditor([&account, &seen] {
    for (int i = 0; i < 100; ++i)
      seen += account.audit();
  });
  depositor.join();
  auditor.join();
  std::printf("%d\n", seen >= 0 ? 1 : 0);
  return 0;
}
