// Values a thread owns for a while (ExtractFresh.cpp uses these): a fresh allocation, or an
// object it *took* out of a shared structure, and what a callee does with a pointer it is given.
// Pure AST questions, no state: the extractor asks them of the function it extracts and of the
// callees it sees.
#pragma once

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ParentMap.h"
#include "llvm/ADT/DenseMap.h"

namespace weft::analyzer {

/// How a pointer value is owned by the code holding it.
enum class Owned {
  No,
  Fresh, ///< a new allocation: nobody else can reach it until it escapes
  /// Taken out of a shared structure: read from a location the same function overwrites
  /// (`job = head; head = job->next`, pigz's `space = pool->head; pool->head = space->next`).
  /// Two threads taking the same object would also race on that location, which is reported;
  /// so, until it hands the object on, the thread that took it is its only user.
  Taken,
};

/// What the questions below learnt about the functions of one translation unit.
struct OwnershipCache {
  llvm::DenseMap<std::pair<const clang::FunctionDecl *, unsigned>, bool> keeps;
  llvm::DenseMap<const clang::FunctionDecl *, Owned> returns;
};

/// What every return of `fn` gives, as ownedValue() says of each (No when the function let
/// others reach it before returning it, or has no body here).
Owned returnedOwnership(const clang::FunctionDecl *fn, OwnershipCache &cache);

/// What `e` (assigned to a local pointer in `fn`) gives: a fresh allocation, a value taken out
/// of a shared structure, a call to a function returning only such values, or neither.
Owned ownedValue(const clang::Expr *e, const clang::FunctionDecl *fn, OwnershipCache &cache,
                 int depth = 0);

/// A pointer to a different object on every iteration of the loop it is made in: an element
/// indexed by the loop's counter (`&args[i]`, `args + i`), the loop variable of a range-for
/// (`&w` in `for (auto &w : workers)`), or a fresh allocation. A thread started with it is the
/// only thread given that object.
bool isPerIterationObject(const clang::Expr *arg, clang::ASTContext &ctx);

/// How a use of a pointer variable treats the object it points to.
enum class PointerUse {
  Deref,    ///< through it (`p->f`, `*p`, `p[i]`), compared, tested, freed, deleted, assigned to
  Argument, ///< handed to a call that keeps nothing of it, or copied into a local pointer
  Kept,     ///< handed to a call that may keep it (store it, hand it on), or cannot be seen
  Escape,   ///< stored, returned, captured, handed to a thread
};

/// The use the code around `value` (a pointer: a reference to a pointer variable, `&p[i]`) makes
/// of it; `pm` is its body's parent map.
PointerUse classifyPointerUse(const clang::Expr *value, const clang::ParentMap &pm,
                              OwnershipCache &cache, int depth = 0);

} // namespace weft::analyzer
