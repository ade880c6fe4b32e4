// JSON (de)serialisation of the report model. Writing builds an ordered_json so the text keeps the
// documented key order; reading walks the document with a path so every error names its field.
#include "weft/report/Json.h"

#include "weft/report/Rules.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <limits>
#include <unistd.h>
#include <utility>

namespace weft::report {

using ojson = nlohmann::ordered_json;
using nlohmann::json;

const char *severityName(Severity severity) {
  switch (severity) {
  case Severity::Note:
    return "note";
  case Severity::Warning:
    return "warning";
  case Severity::Error:
    return "error";
  }
  return "warning";
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------
namespace {

ojson locationJson(const Location &l) {
  ojson j;
  j["file"] = l.file;
  j["line"] = l.line;
  j["column"] = l.column;
  if (!l.snippet.empty())
    j["snippet"] = l.snippet;
  return j;
}

ojson stackJson(const std::vector<StackFrame> &frames) {
  ojson a = ojson::array();
  for (const StackFrame &f : frames) {
    ojson j;
    j["function"] = f.function;
    j["location"] = locationJson(f.location);
    if (!f.module.empty())
      j["module"] = f.module;
    if (f.offset != 0)
      j["offset"] = f.offset;
    a.push_back(std::move(j));
  }
  return a;
}

ojson scheduleJson(const Schedule &s) {
  ojson j;
  j["version"] = s.version;
  j["strategy"] = s.strategy;
  j["seed"] = s.seed;
  j["iteration"] = s.iteration;
  j["choices"] = s.choices;
  if (!s.racy_pcs.empty())
    j["racy_pcs"] = s.racy_pcs;
  return j;
}

ojson findingJson(const Finding &f) {
  ojson j;
  j["rule"] = f.rule;
  j["severity"] = severityName(f.severity);
  j["message"] = f.message;
  if (!f.variable.empty())
    j["variable"] = f.variable;
  j["location"] = locationJson(f.location);
  if (!f.related.empty()) {
    ojson a = ojson::array();
    for (const RelatedLocation &r : f.related) {
      ojson rj;
      rj["message"] = r.message;
      rj["location"] = locationJson(r.location);
      if (!r.stack.empty())
        rj["stack"] = stackJson(r.stack);
      a.push_back(std::move(rj));
    }
    j["related"] = std::move(a);
  }
  if (!f.threads.empty()) {
    ojson a = ojson::array();
    for (const ThreadInfo &t : f.threads) {
      ojson tj;
      tj["id"] = t.id;
      tj["name"] = t.name;
      if (t.created_at)
        tj["created_at"] = locationJson(*t.created_at);
      if (!t.state.empty())
        tj["state"] = t.state;
      if (!t.blocked_on.empty())
        tj["blocked_on"] = t.blocked_on;
      if (!t.stack.empty())
        tj["stack"] = stackJson(t.stack);
      a.push_back(std::move(tj));
    }
    j["threads"] = std::move(a);
  }
  if (!f.stack.empty())
    j["stack"] = stackJson(f.stack);
  j["fingerprint"] = f.fingerprint;
  if (f.schedule)
    j["schedule"] = scheduleJson(*f.schedule);
  return j;
}

ojson reportJson(const Report &r) {
  ojson j;
  j["format_version"] = r.format_version;
  j["tool"] = r.tool;
  j["tool_version"] = r.tool_version;
  j["command"] = r.command;
  j["root"] = r.root;
  j["inputs"] = r.inputs;
  j["started_at"] = r.started_at;
  if (r.exploration) {
    const Exploration &e = *r.exploration;
    ojson ej;
    ej["strategy"] = e.strategy;
    ej["seed"] = e.seed;
    ej["iterations"] = e.iterations;
    ej["exhausted"] = e.exhausted;
    ej["pct_depth"] = e.pct_depth;
    ej["preemption_bound"] = e.preemption_bound;
    ej["max_steps"] = e.max_steps;
    j["exploration"] = std::move(ej);
  }
  ojson findings = ojson::array();
  for (const Finding &f : r.findings)
    findings.push_back(findingJson(f));
  j["findings"] = std::move(findings);
  j["tool_errors"] = r.tool_errors;
  if (!r.notes.empty()) // absent when empty: reports without notes stay as they were
    j["notes"] = r.notes;
  return j;
}

} // namespace

json toJson(const Report &report) { return json(reportJson(report)); }

std::string toJsonText(const Report &report) { return reportJson(report).dump(2) + "\n"; }

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------
namespace {

const char *typeName(const json &j) {
  switch (j.type()) {
  case json::value_t::null:
    return "null";
  case json::value_t::object:
    return "an object";
  case json::value_t::array:
    return "an array";
  case json::value_t::string:
    return "a string";
  case json::value_t::boolean:
    return "a boolean";
  case json::value_t::number_integer:
  case json::value_t::number_unsigned:
    return "an integer";
  case json::value_t::number_float:
    return "a number";
  default:
    return "something else";
  }
}

/// Walks one JSON object; every error carries the source name and the path to the field.
class Reader {
public:
  Reader(const json &object, std::string source, std::string path)
      : j_(object), source_(std::move(source)), path_(std::move(path)) {
    if (!j_.is_object())
      fail(std::string("expected an object, got ") + typeName(j_));
  }

  [[noreturn]] void fail(const std::string &what) const {
    throw FormatError(source_ + ": " + (path_.empty() ? "" : path_ + ": ") + what);
  }

  /// Rejects keys the format does not define (the schema says additionalProperties: false).
  void onlyKeys(std::initializer_list<const char *> keys) const {
    for (auto it = j_.begin(); it != j_.end(); ++it) {
      bool known = false;
      for (const char *k : keys)
        known = known || it.key() == k;
      if (!known)
        fail("unknown field '" + it.key() + "'");
    }
  }

  bool has(const char *key) const { return j_.contains(key); }

  const json &field(const char *key) const {
    auto it = j_.find(key);
    if (it == j_.end())
      fail(std::string("missing field '") + key + "'");
    return *it;
  }

  std::string sub(const char *key) const { return join(path_, key); }
  std::string sub(const char *key, size_t i) const {
    return join(path_, key) + "[" + std::to_string(i) + "]";
  }
  const std::string &source() const { return source_; }

  std::string str(const char *key, bool required, std::string fallback = {}) const {
    if (!required && !has(key))
      return fallback;
    const json &v = field(key);
    if (!v.is_string())
      mistyped(key, "a string", v);
    return v.get<std::string>();
  }

  bool boolean(const char *key) const {
    if (!has(key))
      return false;
    const json &v = field(key);
    if (!v.is_boolean())
      mistyped(key, "a boolean", v);
    return v.get<bool>();
  }

  /// An integer field in [lo, hi]; absent optional fields give `fallback`.
  template <typename T>
  T integer(const char *key, bool required, T fallback = 0, T lo = std::numeric_limits<T>::min(),
            T hi = std::numeric_limits<T>::max()) const {
    if (!required && !has(key))
      return fallback;
    return checkInteger<T>(field(key), sub(key), lo, hi);
  }

  template <typename T> T checkInteger(const json &v, const std::string &where, T lo, T hi) const {
    bool ok = false;
    T out{};
    if (v.is_number_unsigned()) {
      auto u = v.get<std::uint64_t>();
      ok = std::cmp_greater_equal(u, lo) && std::cmp_less_equal(u, hi);
      out = static_cast<T>(u);
    } else if (v.is_number_integer()) {
      auto s = v.get<std::int64_t>();
      ok = std::cmp_greater_equal(s, lo) && std::cmp_less_equal(s, hi);
      out = static_cast<T>(s);
    } else {
      throw FormatError(source_ + ": " + where + ": expected an integer, got " + typeName(v));
    }
    if (!ok)
      throw FormatError(source_ + ": " + where + ": integer " + v.dump() + " out of range");
    return out;
  }

  const json &array(const char *key, bool required) const {
    static const json empty = json::array();
    if (!required && !has(key))
      return empty;
    const json &v = field(key);
    if (!v.is_array())
      mistyped(key, "an array", v);
    return v;
  }

  std::vector<std::string> strings(const char *key, bool required) const {
    std::vector<std::string> out;
    const json &a = array(key, required);
    for (size_t i = 0; i < a.size(); ++i) {
      if (!a[i].is_string())
        throw FormatError(source_ + ": " + sub(key, i) + ": expected a string, got " +
                          typeName(a[i]));
      out.push_back(a[i].get<std::string>());
    }
    return out;
  }

private:
  static std::string join(const std::string &path, const char *key) {
    return path.empty() ? std::string(key) : path + "." + key;
  }
  [[noreturn]] void mistyped(const char *key, const char *expected, const json &v) const {
    throw FormatError(source_ + ": " + sub(key) + ": expected " + expected + ", got " +
                      typeName(v));
  }

  const json &j_;
  std::string source_;
  std::string path_;
};

Location readLocation(const json &j, const std::string &source, const std::string &path) {
  Reader r(j, source, path);
  r.onlyKeys({"file", "line", "column", "snippet"});
  Location l;
  l.file = r.str("file", true);
  l.line = r.integer<int>("line", false, 0, 0);
  l.column = r.integer<int>("column", false, 0, 0);
  l.snippet = r.str("snippet", false);
  return l;
}

std::vector<StackFrame> readStack(const Reader &parent, const char *key) {
  std::vector<StackFrame> out;
  const json &a = parent.array(key, false);
  for (size_t i = 0; i < a.size(); ++i) {
    Reader r(a[i], parent.source(), parent.sub(key, i));
    r.onlyKeys({"function", "location", "module", "offset"});
    StackFrame f;
    f.function = r.str("function", false);
    if (r.has("location"))
      f.location = readLocation(r.field("location"), r.source(), r.sub("location"));
    f.module = r.str("module", false);
    f.offset = r.integer<std::uint64_t>("offset", false);
    out.push_back(std::move(f));
  }
  return out;
}

Severity readSeverity(const Reader &r, Severity fallback) {
  if (!r.has("severity"))
    return fallback;
  std::string s = r.str("severity", true);
  if (s == "note")
    return Severity::Note;
  if (s == "warning")
    return Severity::Warning;
  if (s == "error")
    return Severity::Error;
  throw FormatError(r.source() + ": " + r.sub("severity") + ": '" + s +
                    "' is not one of note, warning, error");
}

Schedule readSchedule(const json &j, const std::string &source, const std::string &path) {
  Reader r(j, source, path);
  r.onlyKeys({"version", "strategy", "seed", "iteration", "choices", "racy_pcs"});
  Schedule s;
  s.version = r.integer<int>("version", true);
  if (s.version != kScheduleVersion)
    throw FormatError(source + ": " + r.sub("version") + ": schedule version " +
                      std::to_string(s.version) + " is not supported (this weft reads " +
                      std::to_string(kScheduleVersion) + ")");
  s.strategy = r.str("strategy", false);
  s.seed = r.integer<std::uint64_t>("seed", false);
  s.iteration = r.integer<std::uint64_t>("iteration", false);
  const json &choices = r.array("choices", true);
  s.choices.reserve(choices.size());
  for (size_t i = 0; i < choices.size(); ++i)
    s.choices.push_back(r.checkInteger<std::uint32_t>(choices[i], r.sub("choices", i), 0,
                                                      std::numeric_limits<std::uint32_t>::max()));
  s.racy_pcs = r.strings("racy_pcs", false);
  return s;
}

Finding readFinding(const json &j, const std::string &source, const std::string &path) {
  Reader r(j, source, path);
  r.onlyKeys({"rule", "severity", "message", "variable", "location", "related", "threads", "stack",
              "fingerprint", "schedule"});
  Finding f;
  f.rule = r.str("rule", true);
  const RuleInfo *rule = findRule(f.rule);
  if (!rule)
    throw FormatError(source + ": " + r.sub("rule") + ": unknown rule '" + f.rule + "'");
  f.severity = readSeverity(r, rule->defaultSeverity);
  f.message = r.str("message", true);
  f.variable = r.str("variable", false);
  f.location = readLocation(r.field("location"), source, r.sub("location"));
  const json &related = r.array("related", false);
  for (size_t i = 0; i < related.size(); ++i) {
    Reader rr(related[i], source, r.sub("related", i));
    rr.onlyKeys({"message", "location", "stack"});
    RelatedLocation rel;
    rel.message = rr.str("message", true);
    rel.location = readLocation(rr.field("location"), source, rr.sub("location"));
    rel.stack = readStack(rr, "stack");
    f.related.push_back(std::move(rel));
  }
  const json &threads = r.array("threads", false);
  for (size_t i = 0; i < threads.size(); ++i) {
    Reader tr(threads[i], source, r.sub("threads", i));
    tr.onlyKeys({"id", "name", "created_at", "state", "blocked_on", "stack"});
    ThreadInfo t;
    t.id = tr.integer<int>("id", true, 0, 0);
    t.name = tr.str("name", false);
    if (tr.has("created_at"))
      t.created_at = readLocation(tr.field("created_at"), source, tr.sub("created_at"));
    t.state = tr.str("state", false);
    t.blocked_on = tr.str("blocked_on", false);
    t.stack = readStack(tr, "stack");
    f.threads.push_back(std::move(t));
  }
  f.stack = readStack(r, "stack");
  f.fingerprint = r.str("fingerprint", false);
  bool hex = f.fingerprint.size() == 16 &&
             f.fingerprint.find_first_not_of("0123456789abcdef") == std::string::npos;
  if (!f.fingerprint.empty() && !hex)
    throw FormatError(source + ": " + r.sub("fingerprint") + ": '" + f.fingerprint +
                      "' is not 16 lowercase hex digits");
  if (r.has("schedule"))
    f.schedule = readSchedule(r.field("schedule"), source, r.sub("schedule"));
  return f;
}

Exploration readExploration(const json &j, const std::string &source) {
  Reader r(j, source, "exploration");
  r.onlyKeys({"strategy", "seed", "iterations", "exhausted", "pct_depth", "preemption_bound",
              "max_steps"});
  Exploration e;
  e.strategy = r.str("strategy", false);
  e.seed = r.integer<std::uint64_t>("seed", false);
  e.iterations = r.integer<std::uint64_t>("iterations", false);
  e.exhausted = r.boolean("exhausted");
  e.pct_depth = r.integer<int>("pct_depth", false, 0, 0);
  e.preemption_bound = r.integer<int>("preemption_bound", false, -1, -1);
  e.max_steps = r.integer<std::uint64_t>("max_steps", false);
  return e;
}

} // namespace

Report reportFromJson(const json &j, const std::string &source) {
  if (!j.is_object())
    throw FormatError(source + ": expected a JSON object at the top level, got " + typeName(j));
  Reader r(j, source, "");
  if (!r.has("format_version"))
    r.fail("missing field 'format_version' (not a weft report?)");
  Report report;
  report.format_version = r.integer<int>("format_version", true);
  if (report.format_version != kFormatVersion)
    r.fail("format_version " + std::to_string(report.format_version) +
           " is not supported (this weft reads " + std::to_string(kFormatVersion) + ")");
  r.onlyKeys({"format_version", "tool", "tool_version", "command", "root", "inputs", "started_at",
              "exploration", "findings", "tool_errors", "notes"});
  report.tool = r.str("tool", true);
  report.tool_version = r.str("tool_version", false);
  report.command = r.str("command", true);
  if (report.command != "lint" && report.command != "run" && report.command != "replay" &&
      report.command != "report")
    throw FormatError(source + ": command: '" + report.command +
                      "' is not one of lint, run, replay, report");
  report.root = r.str("root", false);
  report.inputs = r.strings("inputs", false);
  report.started_at = r.str("started_at", false);
  if (r.has("exploration"))
    report.exploration = readExploration(r.field("exploration"), source);
  const json &findings = r.array("findings", true);
  for (size_t i = 0; i < findings.size(); ++i)
    report.findings.push_back(readFinding(findings[i], source, r.sub("findings", i)));
  report.tool_errors = r.strings("tool_errors", false);
  report.notes = r.strings("notes", false);
  return report;
}

Report readReportFile(const std::string &path) {
  // POSIX calls rather than ifstream: errno is then reliably the reason (ENOENT, EISDIR, EACCES).
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    throw FormatError(path + ": cannot open: " + std::strerror(errno));
  std::string text;
  char chunk[65536];
  for (;;) {
    ssize_t n = ::read(fd, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0) {
      int err = errno;
      ::close(fd);
      throw FormatError(path + ": cannot read: " + std::strerror(err));
    }
    if (n == 0)
      break;
    text.append(chunk, static_cast<size_t>(n));
  }
  ::close(fd);
  if (text.find_first_not_of(" \t\r\n") == std::string::npos)
    throw FormatError(path + ": empty file (not JSON)");
  json j;
  try {
    j = json::parse(text);
  } catch (const json::parse_error &e) {
    // nlohmann prefixes "[json.exception.parse_error.101] "; the reader does not need it.
    std::string what = e.what();
    if (auto close = what.find("] ");
        what.rfind("[json.exception", 0) == 0 && close != std::string::npos)
      what = what.substr(close + 2);
    throw FormatError(path + ": not JSON: " + what);
  }
  return reportFromJson(j, path);
}

} // namespace weft::report
