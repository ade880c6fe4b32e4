#include "Args.h"

#include <charconv>
#include <cstdio>

namespace weft::cli {

Args::Args(std::string command, std::string usage)
    : command_(std::move(command)), usage_(std::move(usage)) {
  options_["--help"] = {false, [](const std::string &) {}};
  options_["-h"] = options_["--help"];
}

void Args::value(std::vector<std::string> names, std::string *out) {
  for (auto &n : names)
    options_[n] = {true, [out](const std::string &v) { *out = v; }};
}

void Args::values(std::vector<std::string> names, std::vector<std::string> *out) {
  for (auto &n : names)
    options_[n] = {true, [out](const std::string &v) { out->push_back(v); }};
}

void Args::flag(std::vector<std::string> names, bool *out) {
  for (auto &n : names)
    options_[n] = {false, [out](const std::string &) { *out = true; }};
}

int Args::fail(const std::string &message) const {
  std::fprintf(stderr, "weft %s: error: %s\n", command_.c_str(), message.c_str());
  return 2;
}

bool Args::parse(int argc, char **argv) {
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--") {
      rest_.emplace(argv + i + 1, argv + argc);
      return true;
    }
    if (arg == "--help" || arg == "-h") {
      std::fputs(usage_.c_str(), stdout);
      exitCode_ = 0;
      return false;
    }
    if (arg.size() < 2 || arg[0] != '-') {
      positional_.push_back(arg);
      continue;
    }
    std::string name = arg, inlineValue;
    bool hasInline = false;
    if (auto eq = arg.find('='); eq != std::string::npos && arg.rfind("--", 0) == 0) {
      name = arg.substr(0, eq);
      inlineValue = arg.substr(eq + 1);
      hasInline = true;
    } else if (arg.size() > 2 && arg[1] != '-' && options_.count(arg.substr(0, 2)) &&
               options_.at(arg.substr(0, 2)).takesValue) {
      name = arg.substr(0, 2); // -j4, -obuild/out.json
      inlineValue = arg.substr(2);
      hasInline = true;
    }
    auto it = options_.find(name);
    if (it == options_.end()) {
      exitCode_ = fail("unknown option '" + arg + "' (see 'weft " + command_ + " --help')");
      return false;
    }
    if (!it->second.takesValue) {
      if (hasInline) {
        exitCode_ = fail("option '" + name + "' takes no value");
        return false;
      }
      it->second.set("");
      continue;
    }
    if (!hasInline) {
      if (i + 1 >= argc) {
        exitCode_ = fail("option '" + name + "' needs a value");
        return false;
      }
      inlineValue = argv[++i];
    }
    it->second.set(inlineValue);
  }
  return true;
}

std::optional<unsigned long long> parseCount(const Args &args, const std::string &option,
                                             const std::string &text) {
  unsigned long long v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty()) {
    args.fail("option '" + option + "' needs a non-negative integer, got '" + text + "'");
    return std::nullopt;
  }
  return v;
}

} // namespace weft::cli
