// The per-TU extraction driver (BodyExtraction.h): hands out body indices and extracts the queue.
#include "BodyExtraction.h"

#include "AstHelpers.h"
#include "FunctionExtractor.h"
#include "Ownership.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Mangle.h"
#include "clang/Basic/SourceManager.h"

namespace weft::analyzer {

using namespace clang;

BodyExtractor::BodyExtractor(ASTContext &ctx, ProgramFacts &facts)
    : ctx_(ctx), facts_(facts), ownership_(std::make_unique<OwnershipCache>()) {}
BodyExtractor::~BodyExtractor() = default;

std::string BodyExtractor::linkName(const FunctionDecl *fd) {
  const SourceManager &sm = ctx_.getSourceManager();
  if (!fd || !fd->isExternallyVisible() || fd->isDependentContext() ||
      sm.isInSystemHeader(sm.getExpansionLoc(fd->getLocation())))
    return {};
  if (!mangler_)
    mangler_ = std::make_unique<ASTNameGenerator>(ctx_);
  return mangler_->getName(fd);
}

std::string BodyExtractor::flowKey(const FunctionDecl *fd) {
  if (std::string link = linkName(fd); !link.empty())
    return link;
  const SourceManager &sm = ctx_.getSourceManager();
  SourceLocation at = sm.getExpansionLoc(fd->getCanonicalDecl()->getLocation());
  // Two instantiations of one template (for two lambda types) are two functions; numbered in
  // the order first asked for, so the same file gives the same keys on every run.
  auto [it, fresh] = flowIds_.try_emplace(fd->getCanonicalDecl(), flowIds_.size());
  return fd->getQualifiedNameAsString() + "@" + sm.getFilename(at).str() + ":" +
         std::to_string(sm.getFileOffset(at)) + "@" + std::to_string(it->second);
}

int BodyExtractor::siteId(const Stmt *s, bool *fresh) {
  auto [it, inserted] = sites_.try_emplace(s, static_cast<int>(facts_.sites.size()));
  if (inserted) {
    facts_.sites.emplace_back();
    facts_.sites.back().id = it->second;
  }
  if (fresh)
    *fresh = inserted;
  return it->second;
}

int BodyExtractor::functionIndex(const FunctionDecl *fd) {
  const FunctionDecl *def = nullptr;
  if (!hasProjectBody(fd, ctx_.getSourceManager(), &def))
    return -1;
  auto [it, inserted] = index_.try_emplace(def, static_cast<int>(facts_.bodies.size()));
  if (inserted) {
    facts_.bodies.emplace_back();
    facts_.bodies.back().name = def->getQualifiedNameAsString();
    queue_.push_back({def, it->second});
  }
  return it->second;
}

void BodyExtractor::drain() {
  while (!queue_.empty()) {
    auto [def, idx] = queue_.front();
    queue_.pop_front();
    // Extract into a local: extraction queues callees, which grows facts_.bodies.
    FunctionBody body;
    body.name = def->getQualifiedNameAsString();
    FunctionExtractor(*this, def, body).run();
    body.linkName = linkName(def);
    facts_.bodies[idx] = std::move(body);
  }
}

} // namespace weft::analyzer
