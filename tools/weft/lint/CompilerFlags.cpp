// The gcc-only options below were each checked against clang-19 -fsyntax-only: every one prints an
// error. Options clang merely ignores with a warning (-Wno-<gcc warning>, -fmax-errors=) need no
// entry: the driver adds -w, which silences those warnings.
#include "CompilerFlags.h"

#include <algorithm>
#include <iterator>

namespace weft::lint {

namespace {

// Options that are a single argument and match exactly.
constexpr std::string_view kExact[] = {
    "-fno-gnu-unique",
    "-fgnu-unique",
    "-fconcepts",
    "-fanalyzer",
    "-fipa-pta",
    "-fno-ipa-pta",
    "-fallow-store-data-races",
    "-fno-allow-store-data-races",
    "-fvar-tracking",
    "-fno-var-tracking",
    "-fvar-tracking-assignments",
    "-fno-var-tracking-assignments",
    "-flifetime-dse",
    "-fno-lifetime-dse",
    "-fmodules-ts",
    "-freorder-blocks-and-partition",
    "-fno-reorder-blocks-and-partition",
    "-fsched-pressure",
    "-fharden-compares",
    "-fharden-conditional-branches",
    "-fext-numeric-literals",
    "-fno-ext-numeric-literals",
    "-ftree-loop-distribute-patterns",
    "-fno-tree-loop-distribute-patterns",
    "-fimplicit-constexpr",
    "-fnothrow-opt",
    "-fenforce-eh-specs",
    "-fno-enforce-eh-specs",
    "-fimplicit-inline-templates",
    "-fno-implicit-inline-templates",
    "-fdeclone-ctor-dtor",
    "-fdevirtualize-at-ltrans",
    "-fprintf-return-value",
    "-fno-printf-return-value",
    "-fstrong-eval-order",
    "-fgnu-tm",
    "-fno-keep-inline-dllexport",
};

// Options that carry a value after '=' (or a suffix) and are rejected whatever the value.
constexpr std::string_view kPrefixes[] = {
    "-fconcepts-diagnostics-depth=",
    "-fipa-",    // -fipa-cp-clone, -fno-ipa-sra, ...: gcc's interprocedural passes
    "-fno-ipa-", //
    "-mabi=",    // x86-64 clang rejects every value
    "-mindirect-branch=",
    "-mfunction-return=",
    "-mindirect-branch-register",
    "-fvtable-verify=",
    "-fstrong-eval-order=",
    "-fmax-include-depth=",
    "-fcompare-debug",
    "-fdump-",
    "-fplugin=", // gcc plugins do not load into clang
    "-fplugin-arg-",
};

bool startsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

} // namespace

bool isGccOnlyFlag(std::string_view argument) {
  if (std::find(std::begin(kExact), std::end(kExact), argument) != std::end(kExact))
    return true;
  return std::any_of(std::begin(kPrefixes), std::end(kPrefixes),
                     [&](std::string_view p) { return startsWith(argument, p); });
}

std::vector<std::string> stripGccOnlyFlags(const std::vector<std::string> &arguments) {
  std::vector<std::string> kept;
  kept.reserve(arguments.size());
  for (std::size_t i = 0; i < arguments.size(); ++i)
    if (i == 0 || !isGccOnlyFlag(arguments[i]))
      kept.push_back(arguments[i]);
  return kept;
}

bool isGccCompiler(std::string_view compiler) {
  std::string_view name = compiler.substr(compiler.find_last_of('/') + 1);
  if (name.find("clang") != std::string_view::npos)
    return false;
  return name == "cc" || name == "c++" || name.find("gcc") != std::string_view::npos ||
         name.find("g++") != std::string_view::npos;
}

std::vector<std::string> gccLeniencyFlags() {
  return {"-Wno-error=int-conversion", "-Wno-error=incompatible-function-pointer-types",
          "-Wno-error=implicit-function-declaration", "-Wno-error=implicit-int"};
}

} // namespace weft::lint
