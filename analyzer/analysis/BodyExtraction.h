// Per-translation-unit extraction: each function of the main file, and each project-header
// function they reach, becomes a FunctionBody (Body.h) of plain data; thread creations become
// ThreadSites. Callees are only given an index here (and queued); nothing is interpreted, so a
// callee defined in another file is no different from one defined here once the files are linked.
#pragma once

#include "Body.h"

#include "llvm/ADT/DenseMap.h"

#include <deque>
#include <memory>
#include <set>
#include <string>

namespace clang {
class ASTContext;
class ASTNameGenerator;
class FunctionDecl;
class Stmt;
} // namespace clang

namespace weft::analyzer {

struct OwnershipCache;

/// Extracts the bodies of one TU into a ProgramFacts.
class BodyExtractor {
public:
  BodyExtractor(clang::ASTContext &ctx, ProgramFacts &facts);
  ~BodyExtractor();

  /// Index of `fd`'s body in facts.bodies, queueing its extraction on first sight; -1 when `fd`
  /// has no body outside system headers.
  int functionIndex(const clang::FunctionDecl *fd);
  /// Extracts every queued body.
  void drain();

  /// Pthread mutexes (by name) initialised as recursive: re-locking them is no double-lock.
  void setRecursiveLocks(std::set<std::string> names) { recursiveLocks_ = std::move(names); }
  bool isRecursiveLock(const std::string &name) const { return recursiveLocks_.count(name); }

  /// Thread-site id of a creation statement (registered on first sight); `*fresh` says so.
  int siteId(const clang::Stmt *s, bool *fresh = nullptr);

  /// Linkage name of a function another TU may define or call: declared outside system headers
  /// and visible outside this TU; empty otherwise.
  std::string linkName(const clang::FunctionDecl *fd);
  /// The function's name in value-flow parameter nodes (FunctionBody::flowKey): its linkage
  /// name, or its qualified name and where it is declared.
  std::string flowKey(const clang::FunctionDecl *fd);

  clang::ASTContext &context() { return ctx_; }
  OwnershipCache &ownership() { return *ownership_; }
  ProgramFacts &facts() { return facts_; }

private:
  clang::ASTContext &ctx_;
  ProgramFacts &facts_;
  llvm::DenseMap<const clang::FunctionDecl *, int> index_;
  std::deque<std::pair<const clang::FunctionDecl *, int>> queue_;
  llvm::DenseMap<const clang::Stmt *, int> sites_;
  llvm::DenseMap<const clang::FunctionDecl *, unsigned> flowIds_; ///< see flowKey
  std::set<std::string> recursiveLocks_;
  std::unique_ptr<OwnershipCache> ownership_; ///< Ownership.h's answers about this TU
  std::unique_ptr<clang::ASTNameGenerator> mangler_; ///< made on first use
};

} // namespace weft::analyzer
