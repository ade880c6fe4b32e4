// SARIF 2.1.0 for a report. Paths stay relative to %SRCROOT% (the report's root) so the log is
// portable between checkouts; fingerprints go into partialFingerprints so viewers track results.
#include "weft/report/SarifWriter.h"

#include "weft/report/Fingerprint.h"
#include "weft/report/Json.h"
#include "weft/report/Rules.h"

#include <cctype>
#include <string_view>

namespace weft::report {
namespace {

using ojson = nlohmann::ordered_json;

constexpr const char *kSrcRoot = "%SRCROOT%";

/// Percent-encodes what may not appear in a URI path (RFC 3986), keeping '/'.
std::string uriPath(const std::string &path) {
  static const char *hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    if (std::isalnum(c) || std::string_view("/-._~!$&'()*+,;=:@").find(static_cast<char>(c)) !=
                               std::string_view::npos) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

ojson message(const std::string &text) { return ojson{{"text", text}}; }

/// A SARIF location, or an empty object when the finding's location is unknown.
ojson physical(const Location &l) {
  ojson artifact;
  if (!l.file.empty() && l.file.front() == '/') {
    artifact["uri"] = "file://" + uriPath(l.file); // outside the root: absolute
  } else {
    artifact["uri"] = uriPath(l.file);
    artifact["uriBaseId"] = kSrcRoot;
  }
  ojson p;
  p["artifactLocation"] = std::move(artifact);
  if (l.line > 0) {
    ojson region;
    region["startLine"] = l.line;
    if (l.column > 0)
      region["startColumn"] = l.column;
    if (!l.snippet.empty())
      region["snippet"] = message(l.snippet);
    p["region"] = std::move(region);
  }
  return p;
}

ojson location(const Location &l, const std::string &function = {}) {
  ojson j = ojson::object();
  if (!l.file.empty())
    j["physicalLocation"] = physical(l);
  if (!function.empty())
    j["logicalLocations"] =
        ojson::array({{{"fullyQualifiedName", function}, {"kind", "function"}}});
  return j;
}

ojson stack(const std::string &title, const std::vector<StackFrame> &frames) {
  ojson out;
  out["message"] = message(title);
  ojson list = ojson::array();
  for (const StackFrame &f : frames) {
    ojson frame;
    frame["location"] = location(f.location, f.function);
    if (!f.module.empty())
      frame["module"] = f.module;
    list.push_back(std::move(frame));
  }
  out["frames"] = std::move(list);
  return out;
}

/// One thread flow per thread that has a stack: its frames in call order (outermost first).
ojson codeFlows(const Finding &f) {
  ojson flows = ojson::array();
  for (const ThreadInfo &t : f.threads) {
    if (t.stack.empty())
      continue;
    ojson locations = ojson::array();
    int depth = 0;
    for (auto it = t.stack.rbegin(); it != t.stack.rend(); ++it) {
      ojson tfl;
      tfl["location"] = location(it->location, it->function);
      tfl["nestingLevel"] = depth++;
      locations.push_back(std::move(tfl));
    }
    std::string name = t.name.empty() ? "T" + std::to_string(t.id) : t.name;
    ojson flow;
    flow["id"] = name;
    flow["message"] =
        message("thread " + name + (t.blocked_on.empty() ? "" : ", blocked in " + t.blocked_on));
    flow["locations"] = std::move(locations);
    flows.push_back(std::move(flow));
  }
  if (flows.empty())
    return nullptr;
  return ojson::array({{{"threadFlows", std::move(flows)}}});
}

ojson rules() {
  ojson list = ojson::array();
  for (const RuleInfo &r : allRules()) {
    ojson j;
    j["id"] = r.id;
    j["name"] = r.name;
    j["shortDescription"] = message(std::string(r.shortDescription));
    j["fullDescription"] = message(std::string(r.helpText));
    j["help"] = message(std::string(r.helpText));
    j["helpUri"] = ruleHelpUri(r.id);
    j["defaultConfiguration"] = {{"level", severityName(r.defaultSeverity)}};
    list.push_back(std::move(j));
  }
  return list;
}

ojson result(const Finding &f) {
  ojson j;
  j["ruleId"] = f.rule;
  auto rules = allRules();
  for (size_t i = 0; i < rules.size(); ++i)
    if (rules[i].id == f.rule)
      j["ruleIndex"] = i;
  j["level"] = severityName(f.severity);
  j["message"] = message(f.message);
  j["locations"] = ojson::array({location(f.location, f.stack.empty() ? "" : f.stack[0].function)});
  if (!f.related.empty()) {
    ojson related = ojson::array();
    int id = 0;
    for (const RelatedLocation &r : f.related) {
      ojson rj = location(r.location);
      rj["id"] = id++;
      rj["message"] = message(r.message);
      related.push_back(std::move(rj));
    }
    j["relatedLocations"] = std::move(related);
  }
  if (ojson flows = codeFlows(f); !flows.is_null())
    j["codeFlows"] = std::move(flows);
  ojson stacks = ojson::array();
  if (!f.stack.empty())
    stacks.push_back(stack("stack of the " + f.rule, f.stack));
  for (const RelatedLocation &r : f.related)
    if (!r.stack.empty())
      stacks.push_back(stack(r.message, r.stack));
  if (!stacks.empty())
    j["stacks"] = std::move(stacks);
  j["partialFingerprints"] = {{"weft/v1", f.fingerprint.empty() ? fingerprint(f) : f.fingerprint}};
  ojson properties = ojson::object();
  if (!f.variable.empty())
    properties["variable"] = f.variable;
  if (f.schedule) {
    properties["schedule"] = {{"version", f.schedule->version},
                              {"strategy", f.schedule->strategy},
                              {"seed", f.schedule->seed},
                              {"iteration", f.schedule->iteration},
                              {"choices", f.schedule->choices}};
  }
  if (!properties.empty())
    j["properties"] = std::move(properties);
  return j;
}

/// `file:///abs/root/` — SARIF wants base URIs to end with a slash.
std::string rootUri(const std::string &root) {
  std::string uri = "file://" + uriPath(root.empty() ? "/" : root);
  if (uri.back() != '/')
    uri += '/';
  return uri;
}

} // namespace

nlohmann::json toSarif(const Report &report) {
  ojson driver;
  driver["name"] = report.tool.empty() ? "weft" : report.tool;
  if (!report.tool_version.empty())
    driver["version"] = report.tool_version;
#ifdef WEFT_INFORMATION_URI
  // Only when the build knows the project's home page: a made-up URL would mislead viewers.
  driver["informationUri"] = WEFT_INFORMATION_URI;
#endif
  driver["rules"] = rules();

  ojson invocation;
  invocation["executionSuccessful"] = report.tool_errors.empty();
  if (!report.started_at.empty())
    invocation["startTimeUtc"] = report.started_at;
  if (!report.tool_errors.empty() || !report.notes.empty()) {
    ojson notes = ojson::array();
    for (const std::string &e : report.tool_errors)
      notes.push_back({{"level", "error"}, {"message", message(e)}});
    for (const std::string &n : report.notes)
      notes.push_back({{"level", "note"}, {"message", message(n)}});
    invocation["toolExecutionNotifications"] = std::move(notes);
  }

  ojson results = ojson::array();
  for (const Finding &f : report.findings)
    results.push_back(result(f));

  ojson run;
  run["tool"] = {{"driver", std::move(driver)}};
  run["invocations"] = ojson::array({std::move(invocation)});
  run["originalUriBaseIds"] = {{kSrcRoot, {{"uri", rootUri(report.root)}}}};
  run["results"] = std::move(results);

  ojson log;
  log["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  log["version"] = "2.1.0";
  log["runs"] = ojson::array({std::move(run)});
  return nlohmann::json(log);
}

} // namespace weft::report
