// NOLINT semantics on synthetic findings and in-memory sources (no analysis needed).
#include "Suppressions.h"

#include <gtest/gtest.h>

namespace weft::lint {
namespace {

report::Finding finding(int line, std::string rule = "data-race") {
  report::Finding f;
  f.rule = std::move(rule);
  f.location.file = "/src/a.cpp";
  f.location.line = line;
  return f;
}

bool suppressed(std::string_view source, int line, std::string rule = "data-race") {
  SourceLines sources;
  sources.add("/src/a.cpp", source);
  SuppressionFilter filter(sources);
  return filter.isSuppressed(finding(line, std::move(rule)));
}

TEST(Suppressions, ParsesDirectiveKindsAndLists) {
  auto d = parseNolintDirectives("x++; // NOLINT(weft-data-race, weft-double-lock )");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].kind, NolintDirective::Kind::ThisLine);
  ASSERT_TRUE(d[0].checks);
  EXPECT_EQ(*d[0].checks, (std::vector<std::string>{"weft-data-race", "weft-double-lock"}));
  d = parseNolintDirectives("// NOLINTNEXTLINE");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].kind, NolintDirective::Kind::NextLine);
  EXPECT_FALSE(d[0].checks);
  EXPECT_EQ(parseNolintDirectives("// NOLINTBEGIN(weft-*)")[0].kind, NolintDirective::Kind::Begin);
  EXPECT_EQ(parseNolintDirectives("// NOLINTEND(weft-*)")[0].kind, NolintDirective::Kind::End);
  EXPECT_TRUE(parseNolintDirectives("counter++; // no lint here").empty());
}

TEST(Suppressions, NolintOnTheLineNamingTheRule) {
  EXPECT_TRUE(suppressed("int a;\ncounter++; // NOLINT(weft-data-race)\n", 2));
  EXPECT_FALSE(suppressed("int a;\ncounter++; // NOLINT(weft-data-race)\n", 1));
  EXPECT_FALSE(suppressed("counter++; // NOLINT(weft-double-lock)\n", 1));
  EXPECT_FALSE(suppressed("counter++; // NOLINT(bugprone-data-race)\n", 1));
}

TEST(Suppressions, NolintNextLineOnTheLineAbove) {
  const char *src = "// NOLINTNEXTLINE(weft-data-race)\ncounter++;\ncounter++;\n";
  EXPECT_TRUE(suppressed(src, 2));
  EXPECT_FALSE(suppressed(src, 3));
  EXPECT_FALSE(suppressed(src, 1));
  // NOLINTNEXTLINE does not act on its own line, NOLINT does not act on the next one.
  EXPECT_FALSE(suppressed("counter++; // NOLINTNEXTLINE(weft-data-race)\n", 1));
  EXPECT_FALSE(suppressed("// NOLINT(weft-data-race)\ncounter++;\n", 2));
}

TEST(Suppressions, GlobsAndBareNolintFollowClangTidy) {
  EXPECT_TRUE(suppressed("counter++; // NOLINT(weft-*)\n", 1));
  EXPECT_TRUE(suppressed("counter++; // NOLINT(*)\n", 1));
  EXPECT_TRUE(suppressed("counter++; // NOLINT(weft-data-*)\n", 1));
  EXPECT_FALSE(suppressed("counter++; // NOLINT(weft-data-*)\n", 1, "double-lock"));
  EXPECT_TRUE(suppressed("counter++; // NOLINT\n", 1, "lock-order-inversion"));
  EXPECT_TRUE(suppressed("counter++; // NOLINT: reviewed, see #12\n", 1));
  EXPECT_FALSE(suppressed("counter++; // NOLINT()\n", 1));
  EXPECT_TRUE(suppressed("counter++; // NOLINT(google-runtime-int, weft-data-race)\n", 1));
}

TEST(Suppressions, BeginEndRegions) {
  const char *src =
      "a;\n// NOLINTBEGIN(weft-data-race)\nb;\nc;\n// NOLINTEND(weft-data-race)\nd;\n";
  EXPECT_FALSE(suppressed(src, 1));
  EXPECT_TRUE(suppressed(src, 3));
  EXPECT_TRUE(suppressed(src, 4));
  EXPECT_FALSE(suppressed(src, 6));
  EXPECT_FALSE(suppressed(src, 3, "double-lock"));
  // An unterminated region suppresses nothing, as in clang-tidy.
  EXPECT_FALSE(suppressed("// NOLINTBEGIN(weft-data-race)\nb;\n", 2));
}

TEST(Suppressions, RemoveSuppressedCountsAndKeepsOrder) {
  SourceLines sources;
  sources.add("/src/a.cpp", "x++; // NOLINT(weft-data-race)\ny++;\nz++;\n");
  std::vector<report::Finding> findings = {finding(1), finding(2), finding(3)};
  EXPECT_EQ(removeSuppressed(findings, sources), 1u);
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].location.line, 2);
  EXPECT_EQ(findings[1].location.line, 3);
}

TEST(Suppressions, UnreadableFileSuppressesNothing) {
  SourceLines sources;
  SuppressionFilter filter(sources);
  report::Finding f = finding(1);
  f.location.file = "/nonexistent/weft/file.cpp";
  EXPECT_FALSE(filter.isSuppressed(f));
}

} // namespace
} // namespace weft::lint
