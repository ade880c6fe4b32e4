// Finds pthread mutexes initialised as recursive (see RecursiveMutexes.h).
#include "RecursiveMutexes.h"

#include "Naming.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"

#include <vector>

namespace weft::analyzer {

using namespace clang;

namespace {

/// Does `s` name PTHREAD_MUTEX_RECURSIVE or PTHREAD_MUTEX_RECURSIVE_NP (glibc's initialiser
/// macro spells the kind with the latter)?
bool namesRecursiveKind(const Stmt *s) {
  if (!s)
    return false;
  if (auto *dre = dyn_cast<DeclRefExpr>(s))
    if (auto *ec = dyn_cast<EnumConstantDecl>(dre->getDecl()))
      return ec->getName().starts_with("PTHREAD_MUTEX_RECURSIVE");
  for (const Stmt *c : s->children())
    if (namesRecursiveKind(c))
      return true;
  return false;
}

bool isPthreadMutex(QualType t) {
  const auto *td = t->getAs<TypedefType>();
  return td && td->getDecl()->getName() == "pthread_mutex_t";
}

/// The declaration `&x` (or a pointer `x`) names, for attribute objects.
const ValueDecl *addressed(const Expr *e) {
  e = e->IgnoreParenImpCasts();
  if (auto *uo = dyn_cast<UnaryOperator>(e); uo && uo->getOpcode() == UO_AddrOf)
    e = uo->getSubExpr()->IgnoreParenImpCasts();
  if (auto *dre = dyn_cast<DeclRefExpr>(e))
    return dre->getDecl();
  if (auto *me = dyn_cast<MemberExpr>(e))
    return me->getMemberDecl();
  return nullptr;
}

struct Finder {
  explicit Finder(std::set<std::string> &o) : out(o) {}
  NamingScope scope;
  std::set<const ValueDecl *> recursiveAttrs;
  std::vector<const CallExpr *> inits;
  std::set<std::string> &out;

  void visit(const Stmt *s) {
    if (!s)
      return;
    if (auto *call = dyn_cast<CallExpr>(s);
        call && call->getDirectCallee() && call->getDirectCallee()->getIdentifier()) {
      llvm::StringRef n = call->getDirectCallee()->getName();
      if (n == "pthread_mutexattr_settype" && call->getNumArgs() == 2 &&
          namesRecursiveKind(call->getArg(1)))
        if (const ValueDecl *a = addressed(call->getArg(0)))
          recursiveAttrs.insert(a);
      if (n == "pthread_mutex_init" && call->getNumArgs() == 2)
        inits.push_back(call);
    }
    if (auto *ds = dyn_cast<DeclStmt>(s))
      for (const Decl *d : ds->decls())
        if (auto *vd = dyn_cast<VarDecl>(d))
          var(vd);
    for (const Stmt *c : s->children())
      visit(c);
  }

  void var(const VarDecl *vd) {
    if (isPthreadMutex(vd->getType()) && namesRecursiveKind(vd->getInit()))
      out.insert(refOfVar(vd, scope).name);
  }

  /// Attributes are set before the init in any sane program; looking at all settype calls of the
  /// function first keeps the order of the walk irrelevant.
  void finish() {
    for (const CallExpr *call : inits)
      if (const ValueDecl *a = addressed(call->getArg(1)); a && recursiveAttrs.count(a))
        if (ObjRef m = pointeeOf(call->getArg(0), scope); m.valid())
          out.insert(m.name);
    inits.clear();
  }
};

} // namespace

std::set<std::string> recursivePthreadMutexes(ASTContext &ctx,
                                              llvm::ArrayRef<const FunctionDecl *> fns) {
  std::set<std::string> out;
  Finder f(out);
  const SourceManager &sm = ctx.getSourceManager();
  for (const Decl *d : ctx.getTranslationUnitDecl()->decls())
    if (auto *vd = dyn_cast<VarDecl>(d);
        vd && sm.isInMainFile(sm.getExpansionLoc(vd->getLocation())))
      f.var(vd);
  for (const FunctionDecl *fn : fns) {
    f.scope.fn = fn;
    f.visit(fn->getBody());
    f.finish();
  }
  return out;
}

} // namespace weft::analyzer
