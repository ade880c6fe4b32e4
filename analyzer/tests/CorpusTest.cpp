// Runs the analysis over every program of testcases/ and compares with its lint expectations
// (`// weft-expect:` and `// weft-expect-lint:` header lines, `// weft-line:` marks), the way
// testcases/corpus.py judges `weft lint`: every expectation must be met (rule and, when given,
// one of the `a|b` variables), a clean case must have no finding at all, a marked line must be
// the primary or a related location of a matching finding. Extra findings are allowed.
#include "TestSupport.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

using namespace weft::analyzer::test;
namespace fs = std::filesystem;

namespace {

struct Expectation {
  std::vector<std::string> rules, variables; ///< variables empty: any
};

struct Case {
  std::string path;
  bool clean = false;
  std::vector<Expectation> expect;
  std::vector<std::pair<int, std::string>> marks;
};

std::vector<std::string> split(const std::string &s, char sep) {
  std::vector<std::string> out;
  std::stringstream in(s);
  for (std::string part; std::getline(in, part, sep);)
    out.push_back(part);
  return out;
}

Case parse(const std::string &path) {
  Case c;
  c.path = path;
  std::ifstream in(path);
  static const std::regex expectRe(R"(^\s*//\s*weft-expect(?:-(lint|run))?:\s*(.*?)\s*$)");
  static const std::regex lineRe(R"(//\s*weft-line:\s*(\S+)\s*$)");
  int lineno = 0;
  for (std::string line; std::getline(in, line);) {
    ++lineno;
    std::smatch m;
    if (std::regex_match(line, m, expectRe)) {
      if (m[1] == "run")
        continue;
      std::vector<std::string> words;
      for (const std::string &w : split(m[2], ' '))
        if (!w.empty())
          words.push_back(w);
      if (words.size() == 1 && words[0] == "clean") {
        c.clean = true;
        continue;
      }
      if (words.empty())
        continue;
      Expectation e;
      e.rules = split(words[0], '|');
      if (words.size() > 1)
        e.variables = split(words[1], '|');
      c.expect.push_back(e);
    } else if (std::regex_search(line, m, lineRe)) {
      c.marks.push_back({lineno, m[1]});
    }
  }
  return c;
}

bool matches(const Expectation &e, const weft::report::Finding &f) {
  if (std::find(e.rules.begin(), e.rules.end(), f.rule) == e.rules.end())
    return false;
  return e.variables.empty() ||
         std::find(e.variables.begin(), e.variables.end(), f.variable) != e.variables.end();
}

std::string describe(const weft::report::Finding &f) {
  return f.rule + " " + (f.variable.empty() ? "-" : f.variable) + " at line " +
         std::to_string(f.location.line) + ": " + f.message;
}

std::vector<std::string> corpus() {
  std::vector<std::string> out;
  fs::path root = fs::path(WEFT_SOURCE_DIR) / "testcases";
  if (!fs::exists(root))
    return out;
  for (const auto &dir : fs::directory_iterator(root)) {
    if (!dir.is_directory())
      continue;
    for (const auto &file : fs::directory_iterator(dir.path())) {
      std::string ext = file.path().extension();
      if (ext == ".cpp" || ext == ".c")
        out.push_back(file.path().string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

/// Totals over the corpus: front-end time against analysis time (the lint overhead).
struct Timing {
  double parse = 0, analyze = 0;
  int files = 0;
  ~Timing() {
    if (files)
      std::printf("corpus: %d files, front end %.2f s, analysis %.3f s (%.1f%% on top)\n", files,
                  parse, analyze, 100.0 * analyze / parse);
  }
} timing;

class Corpus : public ::testing::TestWithParam<std::string> {};

TEST_P(Corpus, MatchesLintExpectations) {
  Case c = parse(GetParam());
  if (!c.clean && c.expect.empty())
    GTEST_SKIP() << "no lint expectation";
  LintRun run = analyzeFile(c.path);
  ASSERT_TRUE(run.parsed) << c.path << ": " << run.errors;
  timing.parse += run.parseSeconds;
  timing.analyze += run.analyzeSeconds;
  ++timing.files;
  std::string all;
  for (const auto &f : run.findings)
    all += "\n  " + describe(f);
  if (c.clean) {
    EXPECT_TRUE(run.findings.empty()) << "expected clean, got:" << all;
  }
  for (const Expectation &e : c.expect) {
    bool found = std::any_of(run.findings.begin(), run.findings.end(),
                             [&](const auto &f) { return matches(e, f); });
    EXPECT_TRUE(found) << "missing " << e.rules[0]
                       << (e.variables.empty() ? "" : " " + e.variables[0]) << "; got:" << all;
  }
  for (const auto &[line, rule] : c.marks) {
    bool relevant = std::any_of(c.expect.begin(), c.expect.end(), [&](const Expectation &e) {
      return std::find(e.rules.begin(), e.rules.end(), rule) != e.rules.end();
    });
    if (!relevant)
      continue;
    bool hit = std::any_of(run.findings.begin(), run.findings.end(), [&](const auto &f) {
      bool ok = std::any_of(c.expect.begin(), c.expect.end(),
                            [&](const Expectation &e) { return matches(e, f); });
      bool onLine = f.location.line == line ||
                    std::any_of(f.related.begin(), f.related.end(),
                                [&](const auto &r) { return r.location.line == line; });
      return ok && onLine;
    });
    EXPECT_TRUE(hit) << "no " << rule << " finding at marked line " << line << "; got:" << all;
  }
}

std::string caseName(const ::testing::TestParamInfo<std::string> &info) {
  fs::path p(info.param);
  std::string name = p.parent_path().filename().string() + "_" + p.stem().string() +
                     (p.extension() == ".c" ? "_c" : "");
  for (char &ch : name)
    if (!std::isalnum(static_cast<unsigned char>(ch)))
      ch = '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Testcases, Corpus, ::testing::ValuesIn(corpus()), caseName);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(Corpus);

} // namespace

namespace {

// The lint budget is 1.3x the front end: on a TU that includes much of the standard library the
// analysis (main-file code only) must stay a small fraction of parsing.
TEST(Speed, LargeTranslationUnitCostsLittleOnTopOfParsing) {
  std::string code;
  for (const char *h : {"algorithm",
                        "any",
                        "array",
                        "atomic",
                        "bitset",
                        "chrono",
                        "condition_variable",
                        "deque",
                        "filesystem",

                        "functional",
                        "future",
                        "iomanip",
                        "iostream",
                        "list",
                        "map",
                        "memory",
                        "mutex",
                        "numeric",
                        "optional",
                        "queue",
                        "random",
                        "regex",
                        "set",
                        "shared_mutex",
                        "sstream",
                        "string",
                        "thread",
                        "tuple",
                        "unordered_map",
                        "unordered_set",
                        "variant",
                        "vector"})
    code += std::string("#include <") + h + ">\n";
  code += R"(
std::mutex m;
std::map<std::string, int> counts;
void work(int id) {
  for (int i = 0; i < 100; ++i) {
    std::lock_guard<std::mutex> g(m);
    counts[std::to_string(id)] += i;
  }
}
int main() {
  std::vector<std::thread> ts;
  for (int i = 0; i < 4; ++i) ts.emplace_back(work, i);
  for (auto &t : ts) t.join();
  std::cout << counts.size() << "\n";
}
)";
  LintRun run = analyzeCode(code);
  ASSERT_TRUE(run.parsed) << run.errors;
  std::printf("large TU: front end %.2f s, analysis %.4f s (%.2f%% on top)\n", run.parseSeconds,
              run.analyzeSeconds, 100.0 * run.analyzeSeconds / run.parseSeconds);
  EXPECT_LT(run.analyzeSeconds, 0.3 * run.parseSeconds);
  std::string all;
  for (const auto &f : run.findings)
    all += "\n  " + describe(f);
  EXPECT_TRUE(run.findings.empty()) << all;
}

} // namespace
