// The SARIF view's structure (the full schema check is the report.schema.sarif test).
#include "SampleReports.h"

#include "weft/report/Fingerprint.h"
#include "weft/report/Rules.h"
#include "weft/report/SarifWriter.h"

#include <gtest/gtest.h>

namespace weft::report {
namespace {

TEST(Sarif, OneRunWithTheRuleCatalogue) {
  nlohmann::json log = toSarif(testing::lintSample());
  EXPECT_EQ(log["version"], "2.1.0");
  ASSERT_EQ(log["runs"].size(), 1u);
  const nlohmann::json &driver = log["runs"][0]["tool"]["driver"];
  EXPECT_EQ(driver["name"], "weft");
  EXPECT_EQ(driver["version"], "0.1.0");
  ASSERT_EQ(driver["rules"].size(), allRules().size());
  const nlohmann::json &rule = driver["rules"][0];
  EXPECT_EQ(rule["id"], std::string(allRules()[0].id));
  EXPECT_EQ(rule["helpUri"], "docs/rules/" + std::string(allRules()[0].id) + ".md");
  EXPECT_TRUE(rule["help"]["text"].is_string());
  EXPECT_TRUE(rule["fullDescription"]["text"].is_string());
  EXPECT_TRUE(rule["defaultConfiguration"]["level"].is_string());
}

TEST(Sarif, ResultsPointAtTheirRulesWithRelativeUris) {
  Report report = testing::lintSample();
  nlohmann::json run = toSarif(report)["runs"][0];
  EXPECT_EQ(run["originalUriBaseIds"]["%SRCROOT%"]["uri"], "file:///src/bank/");
  ASSERT_EQ(run["results"].size(), 2u);
  const nlohmann::json &r = run["results"][0];
  EXPECT_EQ(r["ruleId"], "data-race");
  size_t index = r["ruleIndex"];
  EXPECT_EQ(run["tool"]["driver"]["rules"][index]["id"], "data-race");
  EXPECT_EQ(r["level"], "warning");
  const nlohmann::json &loc = r["locations"][0]["physicalLocation"];
  EXPECT_EQ(loc["artifactLocation"]["uri"], "src/bank.cpp");
  EXPECT_EQ(loc["artifactLocation"]["uriBaseId"], "%SRCROOT%");
  EXPECT_EQ(loc["region"]["startLine"], 12);
  EXPECT_EQ(loc["region"]["startColumn"], 5);
  EXPECT_EQ(loc["region"]["snippet"]["text"], "balance_ += amount;");
  EXPECT_EQ(r["relatedLocations"].size(), 2u);
  EXPECT_EQ(r["relatedLocations"][0]["message"]["text"], report.findings[0].related[0].message);
  EXPECT_EQ(r["partialFingerprints"]["weft/v1"], fingerprint(report.findings[0]));
  EXPECT_EQ(r["properties"]["variable"], "Account::balance_");
}

TEST(Sarif, RuntimeFindingsCarryFlowsStacksAndSchedule) {
  nlohmann::json run = toSarif(testing::runSample())["runs"][0];
  EXPECT_EQ(run["originalUriBaseIds"]["%SRCROOT%"]["uri"], "file:///src/counter%20dir/");
  const nlohmann::json &race = run["results"][0];
  EXPECT_EQ(race["level"], "error");
  ASSERT_EQ(race["stacks"].size(), 2u);
  EXPECT_EQ(race["stacks"][0]["frames"][0]["location"]["logicalLocations"][0]["fullyQualifiedName"],
            "work()");
  EXPECT_EQ(race["stacks"][0]["frames"][0]["module"], "/src/counter dir/counter");
  // Only main has a stack in the race; the deadlock has one flow per blocked thread.
  EXPECT_EQ(race["codeFlows"][0]["threadFlows"].size(), 1u);
  const nlohmann::json &deadlock = run["results"][1];
  EXPECT_EQ(deadlock["codeFlows"][0]["threadFlows"].size(), 2u);
  EXPECT_EQ(deadlock["codeFlows"][0]["threadFlows"][0]["message"]["text"],
            "thread T1, blocked in pthread_mutex_lock(&m2)");
  EXPECT_EQ(race["properties"]["schedule"]["choices"][5], 0x80000001u);
}

TEST(Sarif, ToolErrorsBecomeNotifications) {
  Report r = testing::minimalSample();
  r.tool_errors = {"b.cpp: parse error"};
  nlohmann::json inv = toSarif(r)["runs"][0]["invocations"][0];
  EXPECT_EQ(inv["executionSuccessful"], false);
  EXPECT_EQ(inv["toolExecutionNotifications"][0]["message"]["text"], "b.cpp: parse error");
}

TEST(Sarif, NotesAreNoteNotificationsOfASuccessfulRun) {
  Report r = testing::minimalSample();
  r.notes = {"cycle a -> b cut"};
  nlohmann::json inv = toSarif(r)["runs"][0]["invocations"][0];
  EXPECT_EQ(inv["executionSuccessful"], true);
  EXPECT_EQ(inv["toolExecutionNotifications"][0]["level"], "note");
  EXPECT_EQ(inv["toolExecutionNotifications"][0]["message"]["text"], "cycle a -> b cut");
}

TEST(Sarif, UnknownLineHasNoRegion) {
  nlohmann::json r = toSarif(testing::minimalSample())["runs"][0]["results"][0];
  EXPECT_FALSE(r["locations"][0]["physicalLocation"].contains("region"));
}

} // namespace
} // namespace weft::report
