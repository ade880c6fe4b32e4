// A self-contained HTML page for a report: inline CSS, no scripts, so it can be archived as a CI
// artifact and opened anywhere. Findings are grouped by rule, in catalogue order.
#include "weft/report/HtmlWriter.h"

#include "weft/report/Json.h"
#include "weft/report/Rules.h"

#include "SystemFrames.h"

#include <cstdio>
#include <map>

namespace weft::report {
namespace {

std::string escape(const std::string &text) {
  std::string out;
  for (char c : text) {
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    case '\'':
      out += "&#39;";
      break;
    default:
      out += c;
    }
  }
  return out;
}

std::string where(const Location &l) {
  std::string s = l.file.empty() ? "<unknown>" : l.file;
  if (l.line > 0)
    s += ":" + std::to_string(l.line) + (l.column > 0 ? ":" + std::to_string(l.column) : "");
  return s;
}

constexpr const char *kStyle = R"(
body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:70em}
h1{font-size:1.4em}h2{font-size:1.2em;border-bottom:1px solid #ccc;padding-bottom:.2em}
.finding{border:1px solid #ddd;border-radius:6px;padding:.6em 1em;margin:1em 0}
.sev{font-weight:bold;text-transform:uppercase;font-size:.8em;padding:.1em .4em;border-radius:3px}
.error{background:#fdd;color:#900}.warning{background:#fec;color:#840}.note{background:#def;color:#036}
.loc{font-family:monospace;color:#555}pre{background:#f6f6f6;padding:.4em .6em;overflow-x:auto}
ol.stack{font-family:monospace;font-size:.9em;margin:.2em 0}li.fold{list-style:none;color:#999}.fp{color:#999;font-size:.8em}
code.cmd{display:block;background:#222;color:#eee;padding:.4em .6em;white-space:pre-wrap}
)";

class Page {
public:
  std::string out;

  void location(const Location &l, const std::string &label) {
    out += "<div><span class=\"loc\">" + escape(where(l)) + "</span> " + escape(label) + "</div>\n";
    if (!l.snippet.empty())
      out += "<pre>" + escape(l.snippet) + "</pre>\n";
  }

  void stack(const std::vector<StackFrame> &frames) {
    if (frames.empty())
      return;
    out += "<ol class=\"stack\" start=\"0\">\n";
    detail::forEachFoldedFrame(
        frames,
        [&](size_t i) {
          const StackFrame &f = frames[i];
          out += "<li value=\"" + std::to_string(i) + "\">" +
                 escape(f.function.empty() ? "<unknown>" : f.function);
          if (!f.location.file.empty())
            out += " <span class=\"loc\">" + escape(where(f.location)) + "</span>";
          out += "</li>\n";
        },
        [&](size_t, size_t n) {
          out += "<li class=\"fold\">&hellip; " + detail::foldedFramesText(n) + "</li>\n";
        });
    out += "</ol>\n";
  }
};

} // namespace

std::string toHtml(const Report &report, const TextOptions &options) {
  Page p;
  p.out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<title>weft report</title>\n<style>" +
           std::string(kStyle) + "</style>\n</head>\n<body>\n";
  p.out += "<h1>weft report</h1>\n<p>" + std::to_string(report.findings.size()) +
           (report.findings.size() == 1 ? " finding" : " findings") + " from <code>weft " +
           escape(report.command) + "</code>";
  if (!report.root.empty())
    p.out += " &middot; root <span class=\"loc\">" + escape(report.root) + "</span>";
  if (!report.started_at.empty())
    p.out += " &middot; " + escape(report.started_at);
  if (!report.tool_version.empty())
    p.out += " &middot; weft " + escape(report.tool_version);
  p.out += "</p>\n";

  if (!report.tool_errors.empty()) {
    p.out += "<h2>Tool errors</h2>\n<ul>\n";
    for (const std::string &e : report.tool_errors)
      p.out += "<li>" + escape(e) + "</li>\n";
    p.out += "</ul>\n";
  }
  if (!report.notes.empty()) {
    p.out += "<h2>Notes</h2>\n<ul>\n";
    for (const std::string &n : report.notes)
      p.out += "<li>" + escape(n) + "</li>\n";
    p.out += "</ul>\n";
  }

  // Group by rule, in catalogue order (the map's order, as the catalogue is sorted by id).
  std::map<std::string, std::vector<size_t>> byRule;
  for (size_t i = 0; i < report.findings.size(); ++i)
    byRule[report.findings[i].rule].push_back(i);
  if (!byRule.empty()) {
    p.out += "<ul>\n";
    for (const auto &[rule, indices] : byRule)
      p.out += "<li><a href=\"#" + escape(rule) + "\">" + escape(rule) +
               "</a>: " + std::to_string(indices.size()) + "</li>\n";
    p.out += "</ul>\n";
  }
  for (const auto &[rule, indices] : byRule) {
    const RuleInfo *info = findRule(rule);
    p.out += "<h2 id=\"" + escape(rule) + "\">" + escape(rule) + " (" +
             std::to_string(indices.size()) + ")</h2>\n";
    if (info)
      p.out += "<p>" + escape(std::string(info->helpText)) + " <a href=\"" +
               escape(ruleHelpUri(rule)) + "\">More</a></p>\n";
    for (size_t i : indices) {
      const Finding &f = report.findings[i];
      const char *sev = severityName(f.severity);
      p.out += "<div class=\"finding\" id=\"finding-" + std::to_string(i) + "\">\n<p>#" +
               std::to_string(i) + " <span class=\"sev " + std::string(sev) + "\">" + sev +
               "</span> " + escape(f.message) + "</p>\n";
      p.location(f.location, f.variable.empty() ? "" : "on " + f.variable);
      p.stack(f.stack);
      for (const RelatedLocation &r : f.related) {
        p.location(r.location, r.message);
        p.stack(r.stack);
      }
      for (const ThreadInfo &t : f.threads) {
        std::string label = "thread " + (t.name.empty() ? "T" + std::to_string(t.id) : t.name);
        if (!t.blocked_on.empty())
          label += ", blocked in " + t.blocked_on;
        else if (!t.state.empty())
          label += ", " + t.state;
        p.out += "<div>" + escape(label) + "</div>\n";
        if (t.created_at)
          p.location(*t.created_at, "created here");
        p.stack(t.stack);
      }
      if (f.schedule) {
        std::string command = replayCommand(report, i, options);
        p.out += "<p>Found by " + escape(f.schedule->strategy) + ", seed " +
                 std::to_string(f.schedule->seed) + ", run " +
                 std::to_string(f.schedule->iteration) +
                 ". Replay with:</p>\n<code class=\"cmd\">" + escape(command) + "</code>\n";
      }
      p.out += "<p class=\"fp\">fingerprint " + escape(f.fingerprint) + "</p>\n</div>\n";
    }
  }
  p.out += "</body>\n</html>\n";
  return p.out;
}

} // namespace weft::report
