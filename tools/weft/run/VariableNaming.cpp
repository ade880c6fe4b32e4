// The source-text fallback is a heuristic, but it names fields and captured locals well enough to
// be useful on its own; the analyzer hook, when present, knows the declaring class.
#include "VariableNaming.h"

#include <algorithm>

#include <cctype>
#include <utility>

#ifdef WEFT_HAVE_ACCESS_NAMING
#include "weft/analyzer/AccessNaming.h"
#endif

namespace weft::run {
namespace {

bool isIdentChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// The analyzer's answer, whatever shape it comes in (string or optional string).
[[maybe_unused]] std::string asName(const std::string &s) { return s; }
[[maybe_unused]] std::string asName(const std::optional<std::string> &s) { return s.value_or(""); }

/// identifierAt(), plus the 1-based columns where the written expression starts (with a unary `*`)
/// and where its last member starts (`count` in `tally.count`: Clang's location of a member).
struct Written {
  std::string name;
  int begin = 0;
  int member = 0;
};

Written expressionAt(const std::string &text, int column) {
  if (column < 1 || text.empty())
    return {};
  std::size_t pos = std::min(static_cast<std::size_t>(column - 1), text.size() - 1);
  if (!isIdentChar(text[pos])) {
    // `counter = ...` with the column on `=`, `x++` on `++`: look left past spaces and operators
    // of one or two characters; `++x` with the column on `++`: look right.
    std::size_t left = pos;
    while (left > 0 && !isIdentChar(text[left]) && pos - left < 4)
      --left;
    if (isIdentChar(text[left])) {
      pos = left;
    } else {
      std::size_t right = pos;
      while (right < text.size() && !isIdentChar(text[right]) && right - pos < 4)
        ++right;
      if (right >= text.size() || !isIdentChar(text[right]))
        return {};
      pos = right;
    }
  }
  std::size_t begin = pos, end = pos;
  while (begin > 0 && isIdentChar(text[begin - 1]))
    --begin;
  while (end < text.size() && isIdentChar(text[end]))
    ++end;
  std::size_t member = begin;
  // Qualifiers to the left: a.b, p->b, ns::b, arr[i].b is left alone.
  while (true) {
    std::size_t q = begin;
    if (q >= 2 && (text.compare(q - 2, 2, "->") == 0 || text.compare(q - 2, 2, "::") == 0))
      q -= 2;
    else if (q >= 1 && text[q - 1] == '.')
      q -= 1;
    else
      break;
    if (q == 0 || !isIdentChar(text[q - 1]))
      break;
    while (q > 0 && isIdentChar(text[q - 1]))
      --q;
    begin = q;
  }
  // Members to the right (`g.hits` with the column on `g`), but not a method being called.
  while (true) {
    std::size_t q = end;
    if (text.compare(q, 2, "->") == 0 || text.compare(q, 2, "::") == 0)
      q += 2;
    else if (q < text.size() && text[q] == '.')
      q += 1;
    else
      break;
    std::size_t memberEnd = q;
    while (memberEnd < text.size() && isIdentChar(text[memberEnd]))
      ++memberEnd;
    if (memberEnd == q || (memberEnd < text.size() && text[memberEnd] == '('))
      break;
    member = q;
    end = memberEnd;
  }
  std::string name = text.substr(begin, end - begin);
  if (std::isdigit(static_cast<unsigned char>(name[0])))
    return {};
  if (name.rfind("this->", 0) == 0)
    name.erase(0, 6);
  // A unary `*` in front (`*sum += 1`), not a multiplication (`a * b`).
  std::size_t first = begin;
  if (first > 0 && text[first - 1] == '*') {
    std::size_t before = first - 1;
    while (before > 0 && text[before - 1] == ' ')
      --before;
    if (before == 0 ||
        !(isIdentChar(text[before - 1]) || text[before - 1] == ')' || text[before - 1] == ']'))
      first -= 1;
  }
  return {name, static_cast<int>(first) + 1, static_cast<int>(member) + 1};
}

} // namespace

std::string identifierAt(const std::string &text, int column) {
  return expressionAt(text, column).name;
}

namespace {

std::string analyzerName([[maybe_unused]] const AccessSite &site) {
#ifdef WEFT_HAVE_ACCESS_NAMING
  if (site.file.empty() || site.line <= 0)
    return {};
  auto at = [&](int column) {
    return asName(weft::analyzer::nameAccessAt(site.file, static_cast<unsigned>(site.line),
                                               static_cast<unsigned>(column)));
  };
  if (std::string name = at(site.column); !name.empty())
    return name;
  // Compilers put a compound assignment's column on its operator (`x += 1` at `+=`): ask again
  // at the member written there, then at the start of the whole expression (`*sum`).
  Written written = expressionAt(site.lineText, site.column);
  // With a unary `*` the whole expression names the object (`*sum`, not the pointer `sum`);
  // otherwise the member does (`tally.count`, not `tally`).
  bool deref =
      written.begin > 0 && site.lineText[static_cast<std::size_t>(written.begin) - 1] == '*';
  int first = deref ? written.begin : written.member,
      second = deref ? written.member : written.begin;
  for (int column : {first, second})
    if (column > 0 && column != site.column)
      if (std::string name = at(column); !name.empty())
        return name;
#endif
  return {};
}

} // namespace

namespace {

/// The column to name a read at: compilers may put a load on the `=` of `loc = c->es;` (the load
/// of `c->es`, when `loc` lives in a register), or on the variable a declaration initialises
/// (g++: `int seen = p->alive;` at `seen`), and the object read is then the right-hand side.
int readColumn(const AccessSite &site) {
  const std::string &t = site.lineText;
  if (!site.read || site.column < 1 || static_cast<std::size_t>(site.column) > t.size())
    return site.column;
  std::size_t pos = static_cast<std::size_t>(site.column - 1);
  if (isIdentChar(t[pos]) && (pos == 0 || !isIdentChar(t[pos - 1]))) {
    std::size_t end = pos;
    while (end < t.size() && isIdentChar(t[end]))
      ++end;
    std::size_t next = t.find_first_not_of(" \t", end);
    if (next != std::string::npos && t[next] == '=')
      pos = next; // the variable given the value: not what is read
  }
  bool plainAssign =
      t[pos] == '=' && (pos + 1 >= t.size() || t[pos + 1] != '=') &&
      (pos == 0 || std::string("=!<>+-*/%&|^").find(t[pos - 1]) == std::string::npos);
  if (!plainAssign)
    return site.column;
  std::size_t rhs = t.find_first_not_of(" \t", pos + 1);
  return rhs == std::string::npos ? site.column : static_cast<int>(rhs) + 1;
}

} // namespace

std::string nameVariable(const std::optional<DataSymbol> &global, std::uint64_t offsetInGlobal,
                         const AccessSite &at) {
  if (global && offsetInGlobal == 0)
    return global->name;
  AccessSite site = at;
  site.column = readColumn(at);
  if (std::string name = analyzerName(site); !name.empty())
    return name;
  std::string written = identifierAt(site.lineText, site.column);
  if (global) {
    // A member of a global struct or an element of a global array: the source says which.
    if (!written.empty() && written.find(global->name) != std::string::npos)
      return written;
    return global->name + "+" + std::to_string(offsetInGlobal);
  }
  return written;
}

namespace {

bool isLockExpression(const std::string &e) {
  if (e.empty() || !(isIdentChar(e[0]) || e[0] == ':'))
    return false;
  for (char c : e)
    if (!(isIdentChar(c) || c == '.' || c == '-' || c == '>' || c == ':' || c == '[' || c == ']'))
      return false;
  return true;
}

std::string trimmed(const std::string &s) {
  std::size_t b = s.find_first_not_of(" \t"), e = s.find_last_not_of(" \t");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

} // namespace

std::pair<std::string, int> lockArgumentAt(const std::string &text, int column) {
  std::size_t from = column > 0 ? std::min(static_cast<std::size_t>(column - 1), text.size()) : 0;
  // The call at the column: the first argument list that opens at or after it (or, when the
  // column is on an argument already, the one that encloses it).
  std::size_t open = text.find_first_of("({", from);
  if (open == std::string::npos) {
    open = text.rfind('(', from);
    if (open == std::string::npos)
      return {};
  }
  char close = text[open] == '(' ? ')' : '}';
  int depth = 0;
  std::size_t end = open;
  for (; end < text.size(); ++end) {
    if (text[end] == '(' || text[end] == '{' || text[end] == '[')
      ++depth;
    else if (text[end] == ')' || text[end] == '}' || text[end] == ']')
      if (--depth == 0)
        break;
    if (depth == 1 && text[end] == ',')
      return {}; // two locks (std::scoped_lock), or a lock and something else
  }
  if (end >= text.size() || text[end] != close)
    return {};
  std::string arg = text.substr(open + 1, end - open - 1);
  std::size_t lead = arg.find_first_not_of(" \t&*(");
  if (lead != std::string::npos) {
    std::string e = trimmed(arg.substr(lead));
    // Parentheses opened before the name close at its end: `&(pool->lock)`.
    for (auto open = std::count(arg.begin(), arg.begin() + static_cast<long>(lead), '(');
         open > 0 && !e.empty() && e.back() == ')'; --open)
      e = trimmed(e.substr(0, e.size() - 1));
    if (e.rfind("this->", 0) == 0)
      e = e.substr(6), lead += 6;
    if (isLockExpression(e))
      return {e, static_cast<int>(open + 1 + lead) + 1};
    return {};
  }
  // No argument: a method of the lock object (`mu.lock()`, `l->Unlock()`).
  std::size_t name = open;
  while (name > 0 && isIdentChar(text[name - 1]))
    --name;
  std::size_t dot = name;
  if (dot >= 1 && text[dot - 1] == '.')
    dot -= 1;
  else if (dot >= 2 && text.compare(dot - 2, 2, "->") == 0)
    dot -= 2;
  else
    return {};
  Written object = expressionAt(text, static_cast<int>(dot)); // the character before the dot
  if (object.name.empty())
    return {};
  return {object.name, object.begin};
}

std::string nameLock(const std::optional<DataSymbol> &global, std::uint64_t offsetInGlobal,
                     const AccessSite &site) {
  if (global && offsetInGlobal == 0)
    return global->name;
  auto [written, at] = lockArgumentAt(site.lineText, site.column);
  if (written.empty())
    return global ? global->name + "+" + std::to_string(offsetInGlobal) : std::string();
  AccessSite argument = site;
  argument.column = at;
  if (std::string name = analyzerName(argument); !name.empty())
    return name;
  return written;
}

} // namespace weft::run
