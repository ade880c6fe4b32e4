// The JSON syntax is checked with nlohmann first: Clang's loader reads JSON through its YAML
// parser, which accepts some non-JSON and prints its own multi-line diagnostics to stderr.
#include "CompileDatabase.h"

#include <clang/Tooling/JSONCompilationDatabase.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace weft::lint {

namespace fs = std::filesystem;

namespace {

// "[json.exception.parse_error.101] parse error at line 3, column 1: syntax error ..." -> the
// position part, which is what a user needs to find the damage.
std::string parsePosition(const std::string &what) {
  std::size_t at = what.find("at line");
  if (at == std::string::npos)
    return {};
  std::size_t colon = what.find(':', at);
  return " (" + what.substr(at, colon == std::string::npos ? std::string::npos : colon - at) + ")";
}

} // namespace

std::vector<CompileJob> loadCompileDatabase(const std::string &buildDir) {
  fs::path path = fs::path(buildDir) / "compile_commands.json";
  std::error_code ec;
  if (!fs::is_regular_file(path, ec))
    throw DatabaseError("no compile_commands.json in '" + buildDir +
                        "' (configure with -DCMAKE_EXPORT_COMPILE_COMMANDS=ON)");
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in)
    throw DatabaseError("cannot read '" + path.string() + "'");
  try {
    nlohmann::json doc = nlohmann::json::parse(text.str());
    if (!doc.is_array())
      throw DatabaseError("'" + path.string() +
                          "' is not a compilation database (expected a JSON array of commands)");
  } catch (const nlohmann::json::parse_error &e) {
    throw DatabaseError("'" + path.string() + "' is not valid JSON" + parsePosition(e.what()));
  }

  std::string message;
  std::unique_ptr<clang::tooling::JSONCompilationDatabase> db =
      clang::tooling::JSONCompilationDatabase::loadFromFile(
          path.string(), message, clang::tooling::JSONCommandLineSyntax::AutoDetect);
  if (!db)
    throw DatabaseError("'" + path.string() + "' is not a compilation database: " + message);

  std::vector<CompileJob> jobs;
  for (clang::tooling::CompileCommand &c : db->getAllCompileCommands()) {
    fs::path file(c.Filename);
    if (file.is_relative())
      file = fs::path(c.Directory) / file;
    jobs.push_back({file.lexically_normal().string(), c.Directory, std::move(c.CommandLine)});
  }
  if (jobs.empty())
    throw DatabaseError("'" + path.string() + "' holds no compile commands");
  return jobs;
}

} // namespace weft::lint
