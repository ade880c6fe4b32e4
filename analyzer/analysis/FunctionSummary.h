// Builds a FunctionSummary (Model.h) for each function: one flow-sensitive pass over its CFG
// computes the lockset and the running threads at every statement, then one walk over its body
// records the memory accesses with the state at each. Callees are summarised first (on demand,
// with a recursion guard) so a call applies the callee's effect: a lock wrapper's lock, a
// thread started inside and left running.
#pragma once

#include "Model.h"

#include "llvm/ADT/DenseMap.h"

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

/// Summarises functions of the main file, and of project headers as they are reached, into a
/// ProgramFacts.
class SummaryBuilder {
public:
  SummaryBuilder(clang::ASTContext &ctx, ProgramFacts &facts);
  ~SummaryBuilder();

  /// Index of `fd`'s summary in facts.functions, computing it if needed; -1 when `fd` has no
  /// body outside system headers.
  int summarize(const clang::FunctionDecl *fd);

  /// Pthread mutexes (by name) initialised as recursive: re-locking them is no double-lock.
  void setRecursiveLocks(std::set<std::string> names) { recursiveLocks_ = std::move(names); }
  bool isRecursiveLock(const std::string &name) const { return recursiveLocks_.count(name); }

  /// Whether the function's summary has been computed or is being computed.
  bool known(const clang::FunctionDecl *fd) const;

  /// Thread-site id of a creation statement (registered on first sight).
  int siteId(const clang::Stmt *s);

  /// Linkage name of a function another TU may define or call: declared outside system headers
  /// and visible outside this TU; empty otherwise.
  std::string linkName(const clang::FunctionDecl *fd);

  clang::ASTContext &context() { return ctx_; }
  ProgramFacts &facts() { return facts_; }

private:
  clang::ASTContext &ctx_;
  ProgramFacts &facts_;
  llvm::DenseMap<const clang::FunctionDecl *, int> index_;
  llvm::DenseMap<const clang::FunctionDecl *, bool> done_;
  llvm::DenseMap<const clang::Stmt *, int> sites_;
  std::set<std::string> recursiveLocks_;
  std::unique_ptr<clang::ASTNameGenerator> mangler_; ///< made on first use
  int depth_ = 0;
};

} // namespace weft::analyzer
