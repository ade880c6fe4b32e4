// Reading is lazy and whole-file: a finding-heavy file is read once, a clean one never.
#include "SourceLines.h"

#include <fstream>
#include <sstream>

namespace weft::lint {

namespace {

std::vector<std::string> splitLines(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos)
      end = text.size();
    std::string_view l = text.substr(start, end - start);
    if (!l.empty() && l.back() == '\r') // CRLF files
      l.remove_suffix(1);
    lines.emplace_back(l);
    start = end + 1;
  }
  return lines;
}

} // namespace

const std::string *SourceLines::line(const std::string &file, int line) {
  auto it = files_.find(file);
  if (it == files_.end()) {
    std::optional<std::vector<std::string>> lines;
    if (std::ifstream in{file, std::ios::binary}) {
      std::ostringstream text;
      text << in.rdbuf();
      lines = splitLines(text.str());
    }
    it = files_.emplace(file, std::move(lines)).first;
  }
  if (!it->second || line < 1 || static_cast<std::size_t>(line) > it->second->size())
    return nullptr;
  return &(*it->second)[line - 1];
}

void SourceLines::add(const std::string &file, std::string_view text) {
  files_[file] = splitLines(text);
}

std::string trimmed(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n\f\v";
  std::size_t first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos)
    return {};
  std::size_t last = text.find_last_not_of(kSpace);
  return std::string(text.substr(first, last - first + 1));
}

} // namespace weft::lint
