// Names the memory a runtime access touched from its source position, for `weft run` reports:
// the runtime knows only addresses and DWARF file:line:column; this parses the file with the same
// front end and naming as `weft lint`, so both say `Account::balance_` or `log` for one object.
// Plain header: no Clang types, cheap to include from the runtime driver.
#pragma once

#include <optional>
#include <string>

namespace weft::analyzer {

/// The canonical name (as `weft lint` names variables) of the innermost lvalue expression at
/// `file:line:column` (1-based), preferring an expression written to; nullopt when the file does
/// not parse or nothing nameable is there. Parsed files are cached for the process's lifetime,
/// so naming many accesses in one file parses it once. Thread-safe.
std::optional<std::string> nameAccessAt(const std::string &file, unsigned line, unsigned column);

} // namespace weft::analyzer
