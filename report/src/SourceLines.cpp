// Internal source-line cache of the text writer (see SourceLines.h).
#include "SourceLines.h"

#include <fstream>

namespace weft::report::detail {

const std::string *SourceLines::line(const std::string &file, int line) {
  if (file.empty() || line < 1)
    return nullptr;
  auto [it, inserted] = files_.try_emplace(file);
  if (inserted) {
    std::string path = file.front() == '/' || root_.empty() ? file : root_ + "/" + file;
    std::ifstream in(path, std::ios::binary);
    if (in) {
      std::vector<std::string> lines;
      for (std::string l; std::getline(in, l);) {
        if (!l.empty() && l.back() == '\r')
          l.pop_back();
        lines.push_back(std::move(l));
      }
      it->second = std::move(lines);
    }
  }
  if (!it->second || static_cast<size_t>(line) > it->second->size())
    return nullptr;
  return &(*it->second)[static_cast<size_t>(line) - 1];
}

std::string trim(const std::string &text) {
  const char *space = " \t\r\n\v\f";
  size_t begin = text.find_first_not_of(space);
  if (begin == std::string::npos)
    return {};
  return text.substr(begin, text.find_last_not_of(space) - begin + 1);
}

} // namespace weft::report::detail
