// Names the memory a finding is about, in the words of the source: the one seam between an address
// and `counter` / `Account::balance_`. Tries, in order: the symbol table (globals), the analyzer's
// AST lookup of the access's file:line:column (when weft_access_naming is built in), and the
// identifier written under the access's column.
#pragma once

#include "Symbolizer.h"

#include <optional>
#include <string>
#include <utility>

namespace weft::run {

/// Where the access is in the source (absolute or root-relative path) and the text of that line.
struct AccessSite {
  std::string file;
  int line = 0;
  int column = 0;
  std::string lineText;
  bool read = false; ///< the access read memory (else a write, or not known)
};

/// The variable at the access: `global` is the symbol covering the address (nullopt for heap and
/// stack memory), `offsetInGlobal` the access's offset from its start.
std::string nameVariable(const std::optional<DataSymbol> &global, std::uint64_t offsetInGlobal,
                         const AccessSite &site);

/// The lock a lock call names: the call is the user's frame of an acquisition, a wait or a
/// release (`site`), the lock is its one argument (`pthread_mutex_lock(&acct->mu)`,
/// `std::lock_guard<std::mutex> g(mu_)`, `MutexLock l(&mu)`) or the object of a method call without
/// arguments (`mu.lock()`, `lock->Unlock()`). `global` as in nameVariable. Empty when the call
/// names no single lock (`std::scoped_lock l(a, b)`).
std::string nameLock(const std::optional<DataSymbol> &global, std::uint64_t offsetInGlobal,
                     const AccessSite &site);

/// nameLock()'s source-text half: the lock expression of the call at or after `column`, and the
/// 1-based column where it starts (0 when there is none).
std::pair<std::string, int> lockArgumentAt(const std::string &lineText, int column);

/// The expression written at `column` of `lineText` (or just before it, since compilers put an
/// assignment's column on its operator): an identifier with its `.`, `->` and `::` qualifiers,
/// without a leading `this->`. Empty when there is none.
std::string identifierAt(const std::string &lineText, int column);

} // namespace weft::run
