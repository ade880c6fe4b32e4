// Turns module-relative addresses into functions, files and lines, and data addresses into global
// names. A plain header: LLVM's headers stay inside Symbolizer.cpp (they compile slowly).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace weft::run {

/// One source position of a code address; an inlined call gives several, innermost first.
struct CodeLocation {
  std::string function; ///< demangled; empty when unknown
  std::string file;     ///< as the debug info says (usually absolute); empty when unknown
  int line = 0;
  int column = 0;
};

/// The global variable that holds a data address.
struct DataSymbol {
  std::string name;        ///< demangled, e.g. `counter` or `ns::table`
  std::uint64_t start = 0; ///< module-relative address of its first byte
  std::uint64_t size = 0;
};

/// LLVM's symbolizer library (the engine of llvm-symbolizer), with a cache per address.
class Symbolizer {
public:
  Symbolizer();
  ~Symbolizer();
  Symbolizer(const Symbolizer &) = delete;
  Symbolizer &operator=(const Symbolizer &) = delete;

  /// The source positions of the instruction at `offset` in `module` (an address as the object
  /// file sees it: the run-time address minus the module's load base), innermost inlined frame
  /// first. Empty when the module cannot be read or has no information for it.
  const std::vector<CodeLocation> &code(const std::string &module, std::uint64_t offset);

  /// The global at `offset` in `module`'s data, from the symbol table and debug info.
  std::optional<DataSymbol> data(const std::string &module, std::uint64_t offset);

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::map<std::pair<std::string, std::uint64_t>, std::vector<CodeLocation>> codeCache_;
};

} // namespace weft::run
