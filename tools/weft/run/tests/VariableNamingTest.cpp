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
