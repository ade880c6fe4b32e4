// The event stream is text so that it can be read in a terminal and a record is one write(2); the
// parser is strict about numbers and lenient about unknown fields and kinds, so the runtime can
// extend the protocol without breaking older drivers.
#include "EventParser.h"

#include "weft/protocol.h"

#include <charconv>
#include <vector>

namespace weft::run {
namespace {

bool parseUnsigned(std::string_view text, std::uint64_t &out) {
  int base = 10;
  if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
    text.remove_prefix(2);
    base = 16;
  }
  if (text.empty())
    return false;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out, base);
  return ec == std::errc() && end == text.data() + text.size();
}

bool parseInt(std::string_view text, int &out) {
  if (!text.empty() && text[0] == '-') {
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && end == text.data() + text.size();
  }
  std::uint64_t v = 0;
  if (!parseUnsigned(text, v) || v > 0x7fffffff)
    return false;
  out = static_cast<int>(v);
  return true;
}

/// Splits on `sep`, dropping empty parts (repeated spaces, a trailing separator).
std::vector<std::string_view> split(std::string_view text, char sep) {
  std::vector<std::string_view> parts;
  while (!text.empty()) {
    auto pos = text.find(sep);
    if (pos != 0)
      parts.push_back(text.substr(0, pos));
    if (pos == std::string_view::npos)
      break;
    text.remove_prefix(pos + 1);
  }
  return parts;
}

/// `key=value` fields of a line after its kind; `text=` takes the rest of the line.
struct Fields {
  std::vector<std::pair<std::string_view, std::string_view>> items;
  bool ok = true;

  std::string_view get(std::string_view key) const {
    for (auto &[k, v] : items)
      if (k == key)
        return v;
    return {};
  }
  bool has(std::string_view key) const {
    for (auto &kv : items)
      if (kv.first == key)
        return true;
    return false;
  }
  std::uint64_t u64(std::string_view key) {
    std::uint64_t v = 0;
    if (has(key) && !parseUnsigned(get(key), v))
      ok = false;
    return v;
  }
  int i32(std::string_view key) {
    int v = 0;
    if (has(key) && !parseInt(get(key), v))
      ok = false;
    return v;
  }
  std::vector<std::uint64_t> stack(std::string_view key = "stack") {
    std::vector<std::uint64_t> pcs;
    for (std::string_view part : split(get(key), ',')) {
      std::uint64_t pc = 0;
      if (!parseUnsigned(part, pc)) {
        ok = false;
        break;
      }
      pcs.push_back(pc);
    }
    return pcs;
  }
};

Fields parseFields(std::string_view rest) {
  Fields f;
  while (!rest.empty()) {
    while (!rest.empty() && rest.front() == ' ')
      rest.remove_prefix(1);
    if (rest.empty())
      break;
    if (rest.substr(0, 5) == "text=") {
      f.items.emplace_back("text", rest.substr(5));
      break;
    }
    auto space = rest.find(' ');
    std::string_view item = rest.substr(0, space);
    auto eq = item.find('=');
    if (eq == std::string_view::npos)
      f.ok = false;
    else
      f.items.emplace_back(item.substr(0, eq), item.substr(eq + 1));
    if (space == std::string_view::npos)
      break;
    rest.remove_prefix(space + 1);
  }
  return f;
}

RawFinding *openFinding(RunRecord &record) {
  if (record.findings.empty() || record.findings.back().complete)
    return nullptr;
  return &record.findings.back();
}

} // namespace

bool parseStepToken(std::string_view token, StepChoice &out) {
  out = {};
  std::string_view choice = token, enabled;
  if (auto colon = token.find(':'); colon != std::string_view::npos) {
    choice = token.substr(0, colon);
    enabled = token.substr(colon + 1);
  }
  bool value = !choice.empty() && choice[0] == '!';
  if (value)
    choice.remove_prefix(1);
  std::uint64_t v = 0;
  if (!parseUnsigned(choice, v) || v >= WEFT_VALUE_CHOICE)
    return false;
  out.choice = static_cast<std::uint32_t>(value ? (WEFT_VALUE_CHOICE | v) : v);
  if (auto at = enabled.find('@'); at != std::string_view::npos) {
    std::uint64_t r = 0;
    if (value || !parseUnsigned(enabled.substr(at + 1), r) || r >= WEFT_VALUE_CHOICE)
      return false;
    out.running = static_cast<std::uint32_t>(r);
    enabled = enabled.substr(0, at);
  }
  for (std::string_view e : split(enabled, '.')) {
    std::uint64_t t = 0;
    if (!parseUnsigned(e, t) || t >= WEFT_VALUE_CHOICE)
      return false;
    out.enabled.push_back(static_cast<std::uint32_t>(value ? (WEFT_VALUE_CHOICE | t) : t));
  }
  return true;
}

void parseEventLine(std::string_view line, RunRecord &record) {
  if (!line.empty() && line.back() == '\r')
    line.remove_suffix(1);
  if (line.empty())
    return;
  auto space = line.find(' ');
  std::string_view kind = line.substr(0, space);
  std::string_view rest = space == std::string_view::npos ? "" : line.substr(space + 1);
  bool ok = true;

  if (kind == "steps") {
    for (std::string_view token : split(rest, ' ')) {
      StepChoice step;
      if (!parseStepToken(token, step)) {
        ok = false;
        break;
      }
      if (!step.enabled.empty() || !record.enabled.empty()) {
        record.enabled.resize(record.choices.size());
        record.enabled.push_back(std::move(step.enabled));
      }
      if (step.running || !record.running.empty()) {
        record.running.resize(record.choices.size(), kNoThread);
        record.running.push_back(step.running.value_or(kNoThread));
      }
      record.choices.push_back(step.choice);
    }
  } else if (kind == "end-finding") {
    if (RawFinding *f = openFinding(record))
      f->complete = true;
  } else {
    Fields f = parseFields(rest);
    if (kind == "hello") {
      record.hello = true;
      record.version = f.i32("version");
      record.strategy = std::string(f.get("strategy"));
      record.seed = f.u64("seed");
    } else if (kind == "module") {
      record.modules.push_back({f.u64("base"), std::string(f.get("path"))});
    } else if (kind == "thread") {
      RawThread &t = record.threads[f.i32("tid")];
      t.parent = f.has("parent") ? f.i32("parent") : -1;
      t.stack = f.stack();
    } else if (kind == "racy") {
      record.racyPcs.push_back(f.u64("pc"));
    } else if (kind == "finding") {
      RawFinding finding;
      finding.rule = std::string(f.get("rule"));
      finding.tid = f.i32("tid");
      finding.addr = f.u64("addr");
      finding.size = f.u64("size");
      finding.text = std::string(f.get("text"));
      finding.exceptionType = std::string(f.get("exception"));
      finding.exceptionWhat = f.has("what") && f.get("what") == "1";
      if (finding.rule.empty())
        f.ok = false;
      record.findings.push_back(std::move(finding));
    } else if (kind == "access") {
      RawAccess a;
      a.tid = f.i32("tid");
      a.write = f.get("write") == "1";
      a.atomic = f.get("atomic") == "1";
      a.addr = f.u64("addr");
      a.size = f.u64("size");
      a.stack = f.stack();
      if (RawFinding *open = openFinding(record))
        open->accesses.push_back(std::move(a));
    } else if (kind == "lock" || kind == "blocked" || kind == "threadstate") {
      RawThreadEvent e;
      e.tid = f.i32("tid");
      e.addr = f.u64("addr");
      e.op = std::string(f.get("op"));
      e.state = std::string(f.get("state"));
      e.stack = f.stack();
      e.held = f.u64("held");
      e.heldStack = f.stack("held_stack");
      if (RawFinding *open = openFinding(record)) {
        auto &list = kind == "lock"      ? open->locks
                     : kind == "blocked" ? open->blocked
                                         : open->threadStates;
        list.push_back(std::move(e));
      }
    } else if (kind == "diverged") {
      record.divergedStep = f.u64("step");
      record.divergedText = std::string(f.get("text"));
    } else if (kind == "exit") {
      record.exitStatus = f.i32("status");
    }
    ok = f.ok;
  }
  if (!ok && record.malformed.size() < 16)
    record.malformed.emplace_back(line);
}

void feedEventBytes(std::string_view bytes, std::string &pending, RunRecord &record) {
  while (!bytes.empty()) {
    auto nl = bytes.find('\n');
    if (nl == std::string_view::npos) {
      pending.append(bytes);
      return;
    }
    if (pending.empty()) {
      parseEventLine(bytes.substr(0, nl), record);
    } else {
      pending.append(bytes.substr(0, nl));
      parseEventLine(pending, record);
      pending.clear();
    }
    bytes.remove_prefix(nl + 1);
  }
}

} // namespace weft::run
