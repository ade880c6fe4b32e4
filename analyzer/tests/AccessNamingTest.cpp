// nameAccessAt: the runtime's names for accesses by file:line:column.
#include "weft/analyzer/AccessNaming.h"

#include <gtest/gtest.h>

#include <fstream>

using weft::analyzer::nameAccessAt;

namespace {

std::string writeFile() {
  std::string path = testing::TempDir() + "/weft_naming_input.cpp";
  std::ofstream out(path);
  out << R"(struct Account {
  int balance_ = 0;
  void deposit(int v) { balance_ += v; }
};
namespace stats { int hits; }
int counter;
int table[4];
void f(Account *a, int i) {
  counter = 1;
  stats::hits++;
  a->balance_ = table[i];
  int log = 0;
  auto g = [&] { log++; };
  g();
}
)";
  return path;
}

TEST(AccessNaming, NamesGlobalsFieldsArraysAndCapturedLocals) {
  std::string file = writeFile();
  EXPECT_EQ(nameAccessAt(file, 3, 25).value_or("?"), "Account::balance_");
  EXPECT_EQ(nameAccessAt(file, 9, 3).value_or("?"), "counter");
  EXPECT_EQ(nameAccessAt(file, 10, 10).value_or("?"), "stats::hits");
  EXPECT_EQ(nameAccessAt(file, 11, 6).value_or("?"), "Account::balance_"); // written side
  EXPECT_EQ(nameAccessAt(file, 11, 17).value_or("?"), "table");
  EXPECT_EQ(nameAccessAt(file, 13, 18).value_or("?"), "log");
}

// g++ -O1 puts a loop body's store on the loop header: the loop counter lives in a register and
// is never the name of an access; the one lvalue the loop writes is.
TEST(AccessNaming, RegisterLocalsAreSkippedInFavourOfTheLoopsWrite) {
  std::string path = testing::TempDir() + "/weft_naming_loop.cpp";
  std::ofstream(path) << R"(struct Account {
  int balance_ = 0;
  void depositMany(int times) {
    for (int i = 0; i < times; ++i)
      balance_ += 1;
  }
};
int total;
void sum(int *p) {
  int k = 0;
  int *escaped = &k;
  for (int i = 0; i < 4; ++i)
    *escaped += p[i];
  total = k;
}
)";
  EXPECT_EQ(nameAccessAt(path, 4, 23).value_or("?"), "Account::balance_");
  EXPECT_EQ(nameAccessAt(path, 14, 3).value_or("?"), "total");
  EXPECT_EQ(nameAccessAt(path, 14, 11).value_or("?"), "k") << "k's address escapes: it is memory";
}

TEST(AccessNaming, NothingThere) {
  std::string file = writeFile();
  EXPECT_FALSE(nameAccessAt(file, 1, 1).has_value());
  EXPECT_FALSE(nameAccessAt("/nonexistent/file.cpp", 1, 1).has_value());
}

} // namespace
