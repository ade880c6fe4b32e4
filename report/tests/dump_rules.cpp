// Prints the rule catalogue (report/src/Rules.def) as JSON on stdout, so that catalogue_test.py
// can hold the schema, the corpus runner and the docs against it without parsing C++.
#include "weft/report/Json.h"
#include "weft/report/Rules.h"

#include <nlohmann/json.hpp>

#include <iostream>

using namespace weft::report;

int main() {
  nlohmann::ordered_json rules = nlohmann::ordered_json::array();
  for (const RuleInfo &r : allRules())
    rules.push_back({{"id", r.id},
                     {"name", r.name},
                     {"severity", severityName(r.defaultSeverity)},
                     {"lint", r.raisedByLint()},
                     {"run", r.raisedByRun()},
                     {"short_description", r.shortDescription},
                     {"help_text", r.helpText},
                     {"help_uri", ruleHelpUri(r.id)}});
  std::cout << rules.dump(2) << "\n";
  return 0;
}
