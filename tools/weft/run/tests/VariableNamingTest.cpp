// The naming seam: the symbol first, the source text under the column as the fallback.
#include "VariableNaming.h"

#include <gtest/gtest.h>

using namespace weft::run;

TEST(VariableNaming, IdentifierAtColumn) {
  EXPECT_EQ(identifierAt("  counter = counter + 1;", 3), "counter");
  EXPECT_EQ(identifierAt("  counter = counter + 1;", 11), "counter"); // column on '='
  EXPECT_EQ(identifierAt("  balance_ += amount;", 5), "balance_");
  EXPECT_EQ(identifierAt("  this->balance_ += amount;", 9), "balance_");
  EXPECT_EQ(identifierAt("  acct->balance_ = 0;", 10), "acct->balance_");
  EXPECT_EQ(identifierAt("  stats.hits++;", 12), "stats.hits");
  EXPECT_EQ(identifierAt("  ++hits;", 3), "hits");
  EXPECT_EQ(identifierAt("  ns::table[3] = 1;", 7), "ns::table");
  EXPECT_EQ(identifierAt("  return 42;", 10), "");
  EXPECT_EQ(identifierAt("", 1), "");
  EXPECT_EQ(identifierAt("x", 0), "");
}

TEST(VariableNaming, SymbolWinsThenSourceText) {
  AccessSite site{"f.cpp", 3, 3, "  counter = counter + 1;"};
  EXPECT_EQ(nameVariable(DataSymbol{"counter", 0x100, 4}, 0, site), "counter");
  AccessSite field{"f.cpp", 3, 3, "  g.hits = 1;"};
  EXPECT_EQ(nameVariable(DataSymbol{"g", 0x100, 16}, 8, field), "g.hits");
  AccessSite opaque{"f.cpp", 3, 3, "  *p = 1;"};
  EXPECT_EQ(nameVariable(DataSymbol{"g", 0x100, 16}, 8, opaque), "g+8");
  AccessSite heap{"f.cpp", 3, 9, "  this->balance_ -= amount;"};
  EXPECT_EQ(nameVariable(std::nullopt, 0, heap), "balance_");
}

TEST(VariableNaming, AReadOnTheAssignmentIsTheRightHandSide) {
  // `loc` lives in a register; the compiler put the load of `c->es` on the `=`.
  AccessSite read{"f.cpp", 7, 7, "  loc = c->es;"};
  read.read = true;
  EXPECT_EQ(nameVariable(std::nullopt, 0, read), "c->es");
  AccessSite write = read;
  write.read = false;
  EXPECT_EQ(nameVariable(std::nullopt, 0, write), "loc");
  AccessSite compare{"f.cpp", 7, 9, "  if (a == b) {"};
  compare.read = true;
  EXPECT_EQ(nameVariable(std::nullopt, 0, compare), "a");
  // g++ puts the load of an initialiser on the variable the declaration gives it to.
  AccessSite init{"f.c", 7, 7, "  int seen = p->alive;"};
  init.read = true;
  EXPECT_EQ(nameVariable(std::nullopt, 0, init), "p->alive");
  AccessSite equal{"f.c", 7, 7, "  if (seen == 2)"};
  equal.read = true;
  EXPECT_EQ(nameVariable(std::nullopt, 0, equal), "seen");
}

TEST(VariableNaming, LockArgumentOfTheCall) {
  auto lock = [](const std::string &text, int column) {
    return lockArgumentAt(text, column).first;
  };
  EXPECT_EQ(lock("  pthread_mutex_lock(&acct->mu);", 3), "acct->mu");
  EXPECT_EQ(lock("  std::lock_guard<std::mutex> g(savings_mu);", 32), "savings_mu");
  EXPECT_EQ(lock("  std::lock_guard<std::mutex> g(savings_mu);", 3), "savings_mu");
  EXPECT_EQ(lock("  std::unique_lock<std::mutex> l{this->mu_};", 33), "mu_");
  EXPECT_EQ(lock("  MutexLock l(&db->mutex_);", 13), "db->mutex_");
  EXPECT_EQ(lock("  acct.mu.lock();", 11), "acct.mu");
  EXPECT_EQ(lock("  lock->Unlock();", 9), "lock");
  EXPECT_EQ(lock("  if (pthread_mutex_lock(&m) != 0) return;", 7), "m");
  EXPECT_EQ(lock("  pthread_mutex_lock(&(pool->lock));", 3), "pool->lock"); // mbrossard/threadpool
  EXPECT_EQ(lock("  pthread_mutex_lock(&((a.mu)));", 3), "a.mu");
  EXPECT_EQ(lockArgumentAt("  pthread_mutex_lock(&(pool->lock));", 3).second, 24);
  EXPECT_EQ(lock("  std::scoped_lock l(a, b);", 21), "");   // two locks: no one name
  EXPECT_EQ(lock("  pthread_mutex_lock(pick(3));", 3), ""); // not a name
  EXPECT_EQ(lock("  unlock_all();", 3), "");                // no object, no argument
  EXPECT_EQ(lockArgumentAt("  pthread_mutex_lock(&m);", 3).second, 23);
}

TEST(VariableNaming, LockNamesPreferTheSymbol) {
  AccessSite site{"f.cpp", 3, 3, "  pthread_mutex_lock(&bank.mu);"};
  EXPECT_EQ(nameLock(DataSymbol{"savings_mu", 0x100, 40}, 0, site), "savings_mu");
  EXPECT_EQ(nameLock(DataSymbol{"bank", 0x100, 80}, 8, site), "bank.mu");
  AccessSite opaque{"f.cpp", 3, 3, "  lock_all();"};
  EXPECT_EQ(nameLock(DataSymbol{"bank", 0x100, 80}, 8, opaque), "bank+8");
  EXPECT_EQ(nameLock(std::nullopt, 0, opaque), "");
}
