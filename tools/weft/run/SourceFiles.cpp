// A missing or unreadable file is remembered as empty so it is not retried for every frame.
#include "SourceFiles.h"

#include <fstream>

namespace weft::run {

const std::string &SourceFiles::line(const std::string &path, int line) {
  static const std::string kEmpty;
  auto it = files_.find(path);
  if (it == files_.end()) {
    std::vector<std::string> lines;
    if (!path.empty()) {
      std::ifstream in(path);
      std::string text;
      while (std::getline(in, text))
        lines.push_back(std::move(text));
    }
    it = files_.emplace(path, std::move(lines)).first;
  }
  if (line < 1 || static_cast<std::size_t>(line) > it->second.size())
    return kEmpty;
  return it->second[static_cast<std::size_t>(line) - 1];
}

std::string trim(const std::string &text) {
  auto begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos)
    return {};
  auto end = text.find_last_not_of(" \t\r\n");
  return text.substr(begin, end - begin + 1);
}

} // namespace weft::run
