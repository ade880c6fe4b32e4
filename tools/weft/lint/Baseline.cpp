// A baseline is a small JSON document of its own rather than a whole report: it changes only when
// the accepted set changes, so it diffs well in review. Reading is strict (a typo in a committed
// baseline must fail the build, not silently accept nothing).
#include "Baseline.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>

namespace weft::lint {

namespace {

constexpr const char *kFormatName = "weft-baseline";

std::string requireString(const nlohmann::json &object, const char *key, const std::string &where,
                          bool required) {
  auto it = object.find(key);
  if (it == object.end()) {
    if (required)
      throw BaselineError(where + ": missing field '" + key + "'");
    return {};
  }
  if (!it->is_string())
    throw BaselineError(where + ": field '" + key + "' is not a string");
  return it->get<std::string>();
}

} // namespace

std::string baselineText(const std::vector<report::Finding> &findings) {
  nlohmann::ordered_json doc;
  doc["format"] = kFormatName;
  doc["version"] = kBaselineVersion;
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const report::Finding &f : findings) {
    nlohmann::ordered_json e;
    e["fingerprint"] = f.fingerprint;
    e["rule"] = f.rule;
    e["file"] = f.location.file;
    if (!f.variable.empty())
      e["variable"] = f.variable;
    e["message"] = f.message;
    list.push_back(std::move(e));
  }
  doc["findings"] = std::move(list);
  return doc.dump(2) + "\n";
}

std::vector<BaselineEntry> parseBaseline(const std::string &text, const std::string &source) {
  nlohmann::json doc = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded())
    throw BaselineError(source + ": not JSON");
  if (!doc.is_object())
    throw BaselineError(source + ": not a weft baseline (expected a JSON object)");
  if (requireString(doc, "format", source, true) != kFormatName)
    throw BaselineError(source + ": not a weft baseline (format is not '" + kFormatName + "')");
  auto version = doc.find("version");
  if (version == doc.end() || !version->is_number_integer())
    throw BaselineError(source + ": missing or non-integer field 'version'");
  if (version->get<long long>() != kBaselineVersion)
    throw BaselineError(source + ": baseline version " + version->dump() +
                        " is not supported (this weft reads version " +
                        std::to_string(kBaselineVersion) + ")");
  auto list = doc.find("findings");
  if (list == doc.end() || !list->is_array())
    throw BaselineError(source + ": missing array 'findings'");
  std::vector<BaselineEntry> entries;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const nlohmann::json &e = (*list)[i];
    std::string where = source + ": findings[" + std::to_string(i) + "]";
    if (!e.is_object())
      throw BaselineError(where + ": not an object");
    BaselineEntry entry;
    entry.fingerprint = requireString(e, "fingerprint", where, true);
    if (entry.fingerprint.empty())
      throw BaselineError(where + ": empty fingerprint");
    entry.rule = requireString(e, "rule", where, false);
    entry.file = requireString(e, "file", where, false);
    entry.variable = requireString(e, "variable", where, false);
    entry.message = requireString(e, "message", where, false);
    entries.push_back(std::move(entry));
  }
  return entries;
}

std::vector<BaselineEntry> readBaselineFile(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw BaselineError("cannot read baseline '" + path + "': " + std::strerror(errno));
  std::ostringstream text;
  text << in.rdbuf();
  return parseBaseline(text.str(), "baseline '" + path + "'");
}

std::size_t removeBaselined(std::vector<report::Finding> &findings,
                            const std::vector<BaselineEntry> &baseline) {
  std::map<std::string, std::size_t> remaining;
  for (const BaselineEntry &e : baseline)
    ++remaining[e.fingerprint];
  auto kept = std::remove_if(findings.begin(), findings.end(), [&](const report::Finding &f) {
    auto it = remaining.find(f.fingerprint);
    if (it == remaining.end() || it->second == 0)
      return false;
    --it->second;
    return true;
  });
  std::size_t removed = static_cast<std::size_t>(findings.end() - kept);
  findings.erase(kept, findings.end());
  return removed;
}

} // namespace weft::lint
