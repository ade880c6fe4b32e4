// A GoogleTest binary under `weft run` (scenario gtest): a clean test, a test with a data race,
// and a check-then-act bug with no data race at all, which only the failed EXPECT_EQ shows and
// weft/gtest.h turns into a finding.
#include <weft/gtest.h>

#include <gtest/gtest.h>

#include <mutex>
#include <thread>

namespace {

struct Counter {
  long n = 0;
  std::mutex m;
  void racy_add() { n = n + 1; }
  void safe_add() {
    std::lock_guard<std::mutex> guard(m);
    n = n + 1;
  }
};

struct Account {
  std::mutex m;
  long balance = 100;
  long get() {
    std::lock_guard<std::mutex> guard(m);
    return balance;
  }
  void set(long v) {
    std::lock_guard<std::mutex> guard(m);
    balance = v;
  }
  void withdraw(long amount) { // each step locked, the whole not: another withdrawal can slip in
    long before = get();
    if (before >= amount)
      set(before - amount);
  }
};

} // namespace

TEST(Counter, SafeAdd) {
  Counter c;
  std::thread t([&] { c.safe_add(); });
  c.safe_add();
  t.join();
  EXPECT_EQ(c.n, 2);
}

TEST(Counter, RacyAdd) {
  Counter c;
  std::thread t([&] { c.racy_add(); });
  c.racy_add();
  t.join();
  // A lost update is no failure here; but a result nobody reads would be optimised out.
  EXPECT_GE(c.n, 1);
}

TEST(Account, TwoWithdrawals) {
  Account a;
  std::thread t([&] { a.withdraw(10); });
  a.withdraw(20);
  t.join();
  EXPECT_EQ(a.balance, 70);
}
