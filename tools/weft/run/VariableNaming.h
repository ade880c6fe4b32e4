// Names the memory a finding is about, in the words of the source: the one seam between an address
// and `counter` / `Account::balance_`. Tries, in order: the symbol table (globals), the analyzer's
// AST lookup of the access's file:line:column (when weft_access_naming is built in), and the
// identifier written under the access's column.
#pragma once

#include "Symbolizer.h"

#include <optional>
#include <string>

namespace weft::run {

/// Where the access is in the source (absolute or root-relative path) and the text of that line.
struct AccessSite {
  std::string file;
  int line = 0;
  int column = 0;
  std::string lineText;
};

/// The variable at the access: `global` is the symbol covering the address (nullopt for heap and
/// stack memory), `offsetInGlobal` the access's offset from its start.
std::string nameVariable(const std::optional<DataSymbol> &global, std::uint64_t offsetInGlobal,
                         const AccessSite &site);

/// The expression written at `column` of `lineText` (or just before it, since compilers put an
/// assignment's column on its operator): an identifier with its `.`, `->` and `::` qualifiers,
/// without a leading `this->`. Empty when there is none.
std::string identifierAt(const std::string &lineText, int column);

} // namespace weft::run
