// A small command-line parser shared by the subcommands: named options with and without values,
// positional arguments, everything after `--` kept verbatim, and one error line for anything else.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace weft::cli {

class Args {
public:
  /// `usage` is printed for --help; `command` names the subcommand in error lines.
  Args(std::string command, std::string usage);

  /// An option that takes a value (`-o FILE`, `--format=json` or `--format json`).
  /// `names` may hold a short and a long spelling, e.g. {"-o", "--output"}.
  void value(std::vector<std::string> names, std::string *out);
  /// An option that may be given several times.
  void values(std::vector<std::string> names, std::vector<std::string> *out);
  /// A flag without a value.
  void flag(std::vector<std::string> names, bool *out);

  /// Parses argv[1..argc). Returns false after printing the error (or the help) to the right
  /// stream; `exitCode()` then tells what the command should return (0 for --help, 2 for errors).
  bool parse(int argc, char **argv);
  int exitCode() const { return exitCode_; }

  const std::vector<std::string> &positional() const { return positional_; }
  /// Everything after `--`, or nullopt when `--` was not given.
  const std::optional<std::vector<std::string>> &rest() const { return rest_; }

  /// Prints `weft <command>: error: <message>` to stderr and returns 2, for the command's own checks.
  int fail(const std::string &message) const;

private:
  struct Option {
    bool takesValue;
    std::function<void(const std::string &)> set;
  };
  std::string command_;
  std::string usage_;
  std::map<std::string, Option> options_;
  std::vector<std::string> positional_;
  std::optional<std::vector<std::string>> rest_;
  int exitCode_ = 0;
};

/// Parses a non-negative integer option value; prints an error and returns nullopt when it is not one.
std::optional<unsigned long long> parseCount(const Args &args, const std::string &option,
                                             const std::string &text);

} // namespace weft::cli
