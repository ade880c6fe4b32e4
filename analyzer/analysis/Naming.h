// Canonical names of the objects an expression denotes. One function names accesses, locks and
// thread handles for every check, and for the runtime's access naming (weft_access_naming), so
// a static and a dynamic report of the same race say the same `Account::balance_`.
#pragma once

#include "Model.h"

#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"

#include <string>

namespace clang {
class ASTContext;
class FunctionDecl;
class MaterializeTemporaryExpr;
class SourceManager;
class VarDecl;
} // namespace clang

namespace weft::analyzer {

/// What the naming needs to know about the function an expression sits in: which locals alias
/// another object (references, range-for variables, pointers initialised from `&x` or a cast
/// parameter) and which locals a lambda captured by copy.
struct NamingScope {
  const clang::FunctionDecl *fn = nullptr;
  llvm::DenseMap<const clang::VarDecl *, const clang::Expr *> aliases;
};

/// While it lives, identities of locals and of globals no other TU can name carry `tag`, so the
/// facts of several TUs can be joined into one program without two files' objects meeting. A
/// thread summarises one TU at a time; the tag is per thread.
class UnitTagScope {
public:
  explicit UnitTagScope(std::string tag);
  ~UnitTagScope();
  UnitTagScope(const UnitTagScope &) = delete;
  UnitTagScope &operator=(const UnitTagScope &) = delete;

private:
  std::string previous_;
};

/// The object an lvalue expression denotes; kind None when it is not a nameable memory object
/// (a temporary, a call result, a by-value parameter...).
ObjRef refOf(const clang::Expr *e, const NamingScope &scope, int depth = 0);

/// The temporary `e` materialises (past parentheses and implicit casts), when it lives for the
/// full expression or the block; null otherwise.
const clang::MaterializeTemporaryExpr *temporaryOf(const clang::Expr *e);
/// The object a variable denotes (as a DeclRefExpr to it would).
ObjRef refOfVar(const clang::VarDecl *vd, const NamingScope &scope);
/// The object a pointer-valued expression points to.
ObjRef pointeeOf(const clang::Expr *e, const NamingScope &scope, int depth = 0);
/// The identity of an object used as a base (`a` in `a.f`, `this`, `*p`).
std::string identityOf(const clang::Expr *base, bool arrow, const NamingScope &scope);

/// An integer argument as an index binding (Bindings::values): its constant value, or `p#<i>`
/// when it is the function's own by-value parameter i; empty otherwise.
std::string indexValue(const clang::Expr *arg, const NamingScope &scope);

/// Canonical name of a variable: qualified for globals and statics, plain for locals.
std::string canonicalVarName(const clang::VarDecl *vd);
/// `Class::field` of the declaring class.
std::string canonicalFieldName(const clang::FieldDecl *fd);

/// The type an lvalue was declared with (a field's own type, not the const view of it through a
/// const `this`), so constness means the object itself is immutable.
clang::QualType declaredTypeOf(const clang::Expr *e);
/// Types whose accesses never race: atomics, const objects, std::mutex and the like.
bool isNonRacyType(clang::QualType t);
/// A class in namespace std with the given unqualified name (through typedefs/templates).
bool isStdClass(clang::QualType t, llvm::ArrayRef<llvm::StringRef> names);
/// A standard container or string: member calls on it are accesses to it.
bool isStdContainer(clang::QualType t);

/// A report location (absolute path, 1-based line and column, trimmed source line).
report::Location makeLocation(const clang::SourceManager &sm, clang::SourceLocation loc);

} // namespace weft::analyzer
