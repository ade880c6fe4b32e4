// Clang-style text for a report. Every line a compiler user knows how to read: the warning line,
// the source line with a caret, notes for the other access and the threads, sanitizer-style stacks.
#include "weft/report/TextWriter.h"

#include "weft/report/Json.h"

#include "SourceLines.h"
#include "SystemFrames.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>

namespace weft::report {
namespace {

// clang's colours: bold location and message, magenta warning, red error, cyan note, green caret.
constexpr const char *kBold = "\033[1m";
constexpr const char *kReset = "\033[0m";
constexpr const char *kMagenta = "\033[1;35m";
constexpr const char *kRed = "\033[1;31m";
constexpr const char *kCyan = "\033[1;36m";
constexpr const char *kGreen = "\033[1;32m";

class Printer {
public:
  Printer(const TextOptions &options, const std::string &root)
      : color_(options.color), sources_(root) {}

  std::string out;

  std::string paint(const char *colour, const std::string &text) const {
    return color_ ? colour + text + kReset : text;
  }

  static std::string where(const Location &l) {
    std::string s = l.file.empty() ? "<unknown>" : l.file;
    if (l.line > 0) {
      s += ":" + std::to_string(l.line);
      if (l.column > 0)
        s += ":" + std::to_string(l.column);
    }
    return s;
  }

  /// `file:line:col: <kind>: message`
  void diagnostic(const Location &l, const char *kind, const std::string &message) {
    const char *colour = std::string_view(kind) == "error"     ? kRed
                         : std::string_view(kind) == "warning" ? kMagenta
                                                               : kCyan;
    out += paint(kBold, where(l) + ":") + " " + paint(colour, std::string(kind) + ":") + " " +
           paint(kBold, message) + "\n";
  }

  /// A diagnostic without a location (a note about a thread that has no creation site).
  void bare(const char *kind, const std::string &message) {
    out += paint(kCyan, std::string(kind) + ":") + " " + message + "\n";
  }

  /// The source line and a caret under the column, as clang prints them:
  ///    12 |     counter++;
  ///       |     ^
  void snippet(const Location &l) {
    if (l.snippet.empty())
      return;
    // Snippets are trimmed, so the column counts from the start of the line as written: show that
    // line when the source is at hand and still says the same; otherwise the snippet, with a caret
    // only if it visibly kept its indentation. No caret beats a misplaced one.
    std::string text = l.snippet;
    bool caret = !text.empty() && (text.front() == ' ' || text.front() == '\t');
    if (const std::string *line = sources_.line(l.file, l.line);
        line && detail::trim(*line) == detail::trim(l.snippet)) {
      text = *line;
      caret = true;
    }
    std::string number = l.line > 0 ? std::to_string(l.line) : "";
    std::string gutter(number.size() < 5 ? 5 - number.size() : 0, ' ');
    out += gutter + number + " | " + text + "\n";
    if (caret && l.column > 0 && static_cast<size_t>(l.column) <= text.size() + 1) {
      std::string pad;
      for (int i = 0; i + 1 < l.column; ++i)
        pad += text[i] == '\t' ? '\t' : ' ';
      out +=
          std::string(gutter.size() + number.size(), ' ') + " | " + pad + paint(kGreen, "^") + "\n";
    }
  }

  /// Sanitizer-style frames: `    #0 function file:line:col (module+0x1a)`.
  void stack(const std::vector<StackFrame> &frames) {
    detail::forEachFoldedFrame(
        frames, [&](size_t i) { frame(frames[i], i); },
        [&](size_t, size_t n) { out += "    ... " + detail::foldedFramesText(n) + "\n"; });
  }

  void frame(const StackFrame &f, size_t i) {
    std::string line = "    #" + std::to_string(i) + " " +
                       (f.function.empty() ? std::string("<unknown>") : f.function);
    if (!f.location.file.empty())
      line += " " + where(f.location);
    if (!f.module.empty()) {
      char offset[32];
      std::snprintf(offset, sizeof offset, "+0x%llx", static_cast<unsigned long long>(f.offset));
      line += " (" + f.module + offset + ")";
    }
    out += line + "\n";
  }

private:
  bool color_;
  detail::SourceLines sources_;
};

} // namespace

std::string shellQuote(const std::string &arg) {
  if (arg.empty())
    return "''";
  bool plain = true;
  for (char c : arg)
    plain = plain && (std::isalnum(static_cast<unsigned char>(c)) ||
                      std::string_view("@%+=:,./_-").find(c) != std::string_view::npos);
  if (plain)
    return arg;
  std::string quoted = "'";
  for (char c : arg)
    quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

std::string replayCommand(const Report &report, size_t index, const TextOptions &options) {
  ReplaySource source;
  if (index < options.replaySources.size()) {
    source = options.replaySources[index];
  } else {
    source.reportPath = options.reportPath;
    source.finding = index;
    if (report.command == "run" || report.command == "replay")
      source.program = report.inputs;
  }
  std::string command = "weft replay " +
                        shellQuote(source.reportPath.empty() ? "REPORT.json" : source.reportPath) +
                        " --finding " + std::to_string(source.finding) + " --";
  if (source.program.empty())
    return command + " PROGRAM ARGS...";
  for (const std::string &arg : source.program)
    command += " " + shellQuote(arg);
  return command;
}

namespace {

void printFinding(Printer &p, const Report &report, const Finding &f, size_t index,
                  const TextOptions &options) {
  p.diagnostic(f.location, severityName(f.severity), f.message + " [weft-" + f.rule + "]");
  p.snippet(f.location);
  p.stack(f.stack);
  for (const RelatedLocation &r : f.related) {
    if (r.location.file.empty() && r.location.line == 0)
      p.bare("note", r.message);
    else
      p.diagnostic(r.location, "note", r.message);
    p.snippet(r.location);
    p.stack(r.stack);
  }
  for (const ThreadInfo &t : f.threads) {
    std::string name = t.name.empty() ? "T" + std::to_string(t.id) : t.name;
    std::string state = !t.blocked_on.empty() ? "blocked in " + t.blocked_on : t.state;
    // Checks usually name creation sites in `related` already; say each place once.
    bool named =
        t.created_at && std::any_of(f.related.begin(), f.related.end(), [&](auto &r) {
          return r.location.file == t.created_at->file && r.location.line == t.created_at->line;
        });
    if (named) {
      if (!state.empty())
        p.bare("note", "thread " + name + " is " + state);
    } else if (t.created_at && !t.created_at->file.empty()) {
      p.diagnostic(*t.created_at, "note",
                   "thread " + name + " created here" +
                       (state.empty() ? "" : " (now " + state + ")"));
      p.snippet(*t.created_at);
    } else {
      p.bare("note", "thread " + name + (state.empty() ? "" : " is " + state));
    }
    p.stack(t.stack);
  }
  if (f.schedule) {
    p.bare("note", "found by " + f.schedule->strategy + " with seed " +
                       std::to_string(f.schedule->seed) + " in run " +
                       std::to_string(f.schedule->iteration) + " (" +
                       std::to_string(f.schedule->choices.size()) + " scheduling steps)");
    p.bare("note", "replay with: " + replayCommand(report, index, options));
  }
}

} // namespace

std::string toText(const Report &report, const TextOptions &options) {
  Printer p(options, report.root);
  for (size_t i = 0; i < report.findings.size(); ++i) {
    if (i > 0)
      p.out += "\n";
    printFinding(p, report, report.findings[i], i, options);
  }
  for (const std::string &e : report.tool_errors)
    p.out += p.paint(kRed, "error:") + " " + e + "\n";
  for (const std::string &n : report.notes)
    p.out += "note: " + n + "\n";

  std::map<std::string, size_t> perRule;
  for (const Finding &f : report.findings)
    ++perRule[f.rule];
  std::string summary;
  if (report.findings.empty()) {
    summary = "no findings";
  } else {
    size_t n = report.findings.size();
    summary = std::to_string(n) + (n == 1 ? " finding (" : " findings (");
    bool first = true;
    for (const auto &[rule, count] : perRule) {
      summary += (first ? "" : ", ") + std::to_string(count) + " " + rule;
      first = false;
    }
    summary += ")";
  }
  if (!report.tool_errors.empty())
    summary += ", " + std::to_string(report.tool_errors.size()) +
               (report.tool_errors.size() == 1 ? " tool error" : " tool errors");
  if (!report.findings.empty() || !report.tool_errors.empty())
    p.out += "\n";
  p.out += summary + "\n";
  return p.out;
}

} // namespace weft::report
