// Baseline writing, strict reading and filtering on synthetic findings.
#include "Baseline.h"

#include <gtest/gtest.h>

namespace weft::lint {
namespace {

report::Finding finding(std::string fingerprint, std::string variable = "counter") {
  report::Finding f;
  f.rule = "data-race";
  f.message = "data race on 'counter'";
  f.variable = std::move(variable);
  f.location.file = "src/a.cpp";
  f.location.line = 3;
  f.fingerprint = std::move(fingerprint);
  return f;
}

TEST(Baseline, RoundTripKeepsFingerprintsAndHumanFields) {
  std::string text = baselineText({finding("0123456789abcdef"), finding("fedcba9876543210", "")});
  std::vector<BaselineEntry> entries = parseBaseline(text, "b.json");
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].fingerprint, "0123456789abcdef");
  EXPECT_EQ(entries[0].rule, "data-race");
  EXPECT_EQ(entries[0].file, "src/a.cpp");
  EXPECT_EQ(entries[0].variable, "counter");
  EXPECT_EQ(entries[1].variable, "");
  EXPECT_NE(text.find("\"version\": 1"), std::string::npos);
}

TEST(Baseline, EmptyBaselineIsValid) {
  EXPECT_TRUE(parseBaseline(baselineText({}), "b.json").empty());
}

TEST(Baseline, MalformedFilesAreRejectedWithOneLine) {
  auto message = [](const std::string &text) {
    try {
      parseBaseline(text, "b.json");
    } catch (const BaselineError &e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  EXPECT_EQ(message("{not json"), "b.json: not JSON");
  EXPECT_EQ(message("[]"), "b.json: not a weft baseline (expected a JSON object)");
  EXPECT_EQ(message(R"({"format":"weft-baseline","version":2,"findings":[]})"),
            "b.json: baseline version 2 is not supported (this weft reads version 1)");
  EXPECT_EQ(message(R"({"format":"weft-baseline","version":1})"),
            "b.json: missing array 'findings'");
  EXPECT_EQ(message(R"({"format":"weft-baseline","version":1,"findings":[{"rule":"x"}]})"),
            "b.json: findings[0]: missing field 'fingerprint'");
  EXPECT_EQ(message(R"({"format":"weft-baseline","version":1,"findings":[{"fingerprint":3}]})"),
            "b.json: findings[0]: field 'fingerprint' is not a string");
  EXPECT_EQ(message(R"({"format":"report","version":1,"findings":[]})"),
            "b.json: not a weft baseline (format is not 'weft-baseline')");
  for (const std::string &m : {message("{not json"), message("[]")})
    EXPECT_EQ(m.find('\n'), std::string::npos);
}

TEST(Baseline, MissingFileIsAnError) {
  EXPECT_THROW(readBaselineFile("/nonexistent/weft-baseline.json"), BaselineError);
}

TEST(Baseline, RemovesOnlyAcceptedFingerprints) {
  std::vector<report::Finding> findings = {finding("aaaa"), finding("bbbb"), finding("cccc")};
  std::vector<BaselineEntry> baseline = {{"aaaa", "", "", "", ""}, {"cccc", "", "", "", ""}};
  EXPECT_EQ(removeBaselined(findings, baseline), 2u);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].fingerprint, "bbbb");
}

TEST(Baseline, EachEntryAcceptsOneFinding) {
  std::vector<report::Finding> findings = {finding("aaaa"), finding("aaaa")};
  std::vector<BaselineEntry> baseline = {{"aaaa", "", "", "", ""}};
  EXPECT_EQ(removeBaselined(findings, baseline), 1u);
  EXPECT_EQ(findings.size(), 1u);
}

} // namespace
} // namespace weft::lint
