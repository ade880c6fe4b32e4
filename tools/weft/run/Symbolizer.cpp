// The only file of the driver that includes LLVM. Errors (a module without debug info, a deleted
// binary) are not fatal: the frame keeps its module and offset and a report is still written.
#include "Symbolizer.h"

#include <llvm/DebugInfo/Symbolize/Symbolize.h>
#include <llvm/Support/Error.h>

namespace weft::run {

struct Symbolizer::Impl {
  llvm::symbolize::LLVMSymbolizer symbolizer;

  static llvm::symbolize::LLVMSymbolizer::Options options() {
    llvm::symbolize::LLVMSymbolizer::Options o;
    o.PrintFunctions = llvm::DILineInfoSpecifier::FunctionNameKind::LinkageName;
    o.Demangle = true;
    o.UseSymbolTable = true;
    o.RelativeAddresses = false;
    return o;
  }
  Impl() : symbolizer(options()) {}
};

namespace {

std::string known(const std::string &s) {
  return s == llvm::DILineInfo::BadString ? std::string() : s;
}

} // namespace

Symbolizer::Symbolizer() : impl_(std::make_unique<Impl>()) {}
Symbolizer::~Symbolizer() = default;

const std::vector<CodeLocation> &Symbolizer::code(const std::string &module, std::uint64_t offset) {
  auto key = std::make_pair(module, offset);
  if (auto it = codeCache_.find(key); it != codeCache_.end())
    return it->second;
  std::vector<CodeLocation> &frames = codeCache_[key];
  llvm::object::SectionedAddress address{offset, llvm::object::SectionedAddress::UndefSection};
  auto info = impl_->symbolizer.symbolizeInlinedCode(module, address);
  if (!info) {
    llvm::consumeError(info.takeError());
    return frames;
  }
  for (std::uint32_t i = 0; i < info->getNumberOfFrames(); ++i) {
    const llvm::DILineInfo &f = info->getFrame(i);
    CodeLocation loc;
    loc.function = known(f.FunctionName);
    loc.file = known(f.FileName);
    loc.line = static_cast<int>(f.Line);
    loc.column = static_cast<int>(f.Column);
    if (!loc.function.empty() || !loc.file.empty())
      frames.push_back(std::move(loc));
  }
  return frames;
}

std::optional<DataSymbol> Symbolizer::data(const std::string &module, std::uint64_t offset) {
  llvm::object::SectionedAddress address{offset, llvm::object::SectionedAddress::UndefSection};
  auto global = impl_->symbolizer.symbolizeData(module, address);
  if (!global) {
    llvm::consumeError(global.takeError());
    return std::nullopt;
  }
  std::string name = known(global->Name);
  if (name.empty())
    return std::nullopt;
  // The symbol table answers with the nearest symbol below; only a symbol that covers the address
  // names it (a heap address just past .bss must not be called the last global).
  if (offset < global->Start || (global->Size > 0 && offset >= global->Start + global->Size) ||
      (global->Size == 0 && offset != global->Start))
    return std::nullopt;
  return DataSymbol{name, global->Start, global->Size};
}

} // namespace weft::run
