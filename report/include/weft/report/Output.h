// Choosing and writing an output format: shared by `weft lint`, `weft run` and `weft report` so
// that --format and -o behave the same everywhere.
#pragma once

#include "weft/report/Report.h"
#include "weft/report/TextWriter.h"

#include <optional>
#include <string>
#include <string_view>

namespace weft::report {

/// The views a report can be written in.
enum class Format { Text, Json, Sarif, Html };

/// "text", "json", "sarif" or "html"; nullopt for anything else.
std::optional<Format> parseFormat(std::string_view name);

/// The report in `format`, as the bytes to write (ends with a newline).
std::string render(const Report &report, Format format, const TextOptions &options = {});

/// Writes `content` to `path` all or nothing: a temporary file in the same directory, fsync,
/// rename. Throws std::runtime_error ("cannot write 'out.json': No such file or directory") and
/// leaves neither a partial file nor the temporary behind.
void writeFileAtomically(const std::string &path, const std::string &content);

} // namespace weft::report
