// JSON <-> model round trips: nothing is lost, and the text form is byte-stable.
#include "SampleReports.h"

#include "weft/report/Fingerprint.h"
#include "weft/report/Json.h"

#include <gtest/gtest.h>

namespace weft::report {
namespace {

class RoundTrip : public ::testing::TestWithParam<Report (*)()> {};

TEST_P(RoundTrip, ModelSurvivesJson) {
  Report original = GetParam()();
  assignFingerprints(original);
  EXPECT_EQ(reportFromJson(toJson(original)), original);
}

TEST_P(RoundTrip, ModelSurvivesText) {
  Report original = GetParam()();
  EXPECT_EQ(reportFromJson(nlohmann::json::parse(toJsonText(original))), original);
}

TEST_P(RoundTrip, TextIsByteStable) {
  Report original = GetParam()();
  std::string once = toJsonText(original);
  std::string twice = toJsonText(reportFromJson(nlohmann::json::parse(once)));
  EXPECT_EQ(once, twice);
  ASSERT_FALSE(once.empty());
  EXPECT_EQ(once.back(), '\n');
}

INSTANTIATE_TEST_SUITE_P(Samples, RoundTrip,
                         ::testing::Values(&testing::lintSample, &testing::runSample,
                                           &testing::minimalSample));

TEST(JsonForm, KeysComeInDocumentedOrder) {
  std::string text = toJsonText(testing::runSample());
  auto at = [&](const char *key) { return text.find(std::string("\"") + key + "\":"); };
  EXPECT_LT(at("format_version"), at("tool"));
  EXPECT_LT(at("tool"), at("command"));
  EXPECT_LT(at("exploration"), at("findings"));
  EXPECT_LT(at("findings"), at("tool_errors"));
  EXPECT_LT(at("rule"), at("severity"));
  EXPECT_EQ(text.rfind("{\n  \"format_version\": 1,\n", 0), 0u) << text.substr(0, 40);
}

TEST(JsonForm, NotesRoundTripAndAreAbsentWhenEmpty) {
  Report r = testing::lintSample();
  EXPECT_FALSE(toJson(r).contains("notes")) << "reports without notes stay as they were";
  r.notes = {"cycle a -> b cut"};
  EXPECT_EQ(reportFromJson(toJson(r)).notes, r.notes);
}

TEST(JsonForm, ValueChoicesKeepTheirHighBit) {
  Report r = testing::runSample();
  nlohmann::json j = toJson(r);
  EXPECT_EQ(j["findings"][0]["schedule"]["choices"][5].get<std::uint64_t>(), 0x80000001u);
}

TEST(JsonForm, EmptyOptionalFieldsAreOmitted) {
  nlohmann::json j = toJson(testing::minimalSample());
  const nlohmann::json &f = j["findings"][0];
  for (const char *key : {"variable", "related", "threads", "stack", "schedule"})
    EXPECT_FALSE(f.contains(key)) << key;
  EXPECT_FALSE(f["location"].contains("snippet"));
  EXPECT_FALSE(j.contains("exploration"));
}

TEST(JsonForm, OmittedFieldsReadAsDefaults) {
  nlohmann::json j = {
      {"format_version", 1},
      {"tool", "weft"},
      {"command", "lint"},
      {"findings", {{{"rule", "deadlock"}, {"message", "m"}, {"location", {{"file", "a.c"}}}}}}};
  Report r = reportFromJson(j);
  ASSERT_EQ(r.findings.size(), 1u);
  // An absent severity is the rule's default (deadlock: error).
  EXPECT_EQ(r.findings[0].severity, Severity::Error);
  EXPECT_EQ(r.findings[0].location.line, 0);
  EXPECT_TRUE(r.inputs.empty());
  EXPECT_FALSE(r.exploration);
}

TEST(JsonForm, SixtyFourBitSeedsSurvive) {
  Report r = testing::runSample();
  r.findings[0].schedule->seed = 0xffffffffffffffffull;
  r.exploration->seed = 0x8000000000000001ull;
  EXPECT_EQ(reportFromJson(nlohmann::json::parse(toJsonText(r))), r);
}

} // namespace
} // namespace weft::report
