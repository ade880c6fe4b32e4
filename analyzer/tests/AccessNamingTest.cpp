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

TEST(AccessNaming, NothingThere) {
  std::string file = writeFile();
  EXPECT_FALSE(nameAccessAt(file, 1, 1).has_value());
  EXPECT_FALSE(nameAccessAt("/nonexistent/file.cpp", 1, 1).has_value());
}

} // namespace
