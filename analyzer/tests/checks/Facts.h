// Hand-built analysis facts for the per-rule check tests: each check is decided on plain data
// (analysis/Model.h), so its tests need no parser and run in milliseconds.
#pragma once

#include "../../analysis/Model.h"
#include "../../checks/Check.h"

#include <memory>
#include <string>
#include <vector>

namespace weft::analyzer::test {

/// A location in file `f.cpp` at `line`.
inline report::Location at(int line, const std::string &file = "f.cpp") {
  report::Location l;
  l.file = file;
  l.line = line;
  l.column = 3;
  return l;
}

/// A global object (or lock) named `name`.
inline ObjRef global(const std::string &name) { return {ObjRef::Global, name, "g:" + name}; }

/// A lock held by hand since `line`.
inline HeldLock held(const std::string &name, int line, bool manual = true) {
  HeldLock h;
  h.lock = global(name);
  h.manual = manual;
  h.at = at(line);
  return h;
}

/// The main thread plus `threads` single-instance thread contexts created by main.
inline AnalysisResult withContexts(int threads) {
  AnalysisResult r;
  for (int c = 0; c <= threads; ++c) {
    ThreadContext t;
    t.id = c;
    t.parent = c == 0 ? -1 : 0;
    t.name = c == 0 ? "main" : "worker" + std::to_string(c);
    t.createdAt = at(100 + c);
    r.contexts.push_back(t);
  }
  return r;
}

/// The findings `check` emits on `r`.
template <class C> std::vector<report::Finding> findings(const AnalysisResult &r) {
  C check;
  std::vector<report::Finding> out;
  check.run(r, [&](report::Finding f) { out.push_back(std::move(f)); });
  return out;
}

} // namespace weft::analyzer::test
