// The one interface every weft lint rule implements. A check only reads the analyses' result
// (AnalysisResult, plain data) and emits findings; it never looks at the AST, so checks are
// small, compile without Clang headers and can be tested on hand-built data.
#pragma once

#include "../analysis/Model.h"
#include "weft/report/Report.h"

#include <concepts>
#include <functional>
#include <set>
#include <string>

namespace weft::analyzer {

/// A rule of `weft lint`. The rule id, the class name (`<Rule>Check`), the doc page
/// (docs/rules/<rule>.md) and the test file follow from each other.
class Check {
public:
  /// Where a check's findings go. It gives each finding its rule's severity from the catalogue
  /// (report/src/Rules.def): a check never chooses one, so the lint, `weft run` and SARIF's rule
  /// table cannot disagree.
  class Emit {
  public:
    template <std::invocable<report::Finding> Sink> Emit(Sink sink) : sink_(std::move(sink)) {}
    void operator()(report::Finding f) const;

  private:
    std::function<void(report::Finding)> sink_;
  };

  explicit Check(std::string rule) : rule_(std::move(rule)) {}
  virtual ~Check() = default;

  /// The stable rule id, e.g. `data-race`.
  const std::string &rule() const { return rule_; }
  /// Emits the rule's findings for one translation unit.
  virtual void run(const AnalysisResult &result, const Emit &emit) = 0;

protected:
  /// Emits a finding of this rule, once per variable and location: the same misuse is reached
  /// from several thread contexts and callers.
  void report(const Emit &emit, const std::string &variable, std::string message,
              const report::Location &at, std::vector<report::RelatedLocation> related = {});

private:
  std::string rule_;
  std::set<std::string> reported_;
};

} // namespace weft::analyzer
