// nameAccessAt: parse once per file, find the innermost nameable lvalue at a position, name it
// with the lint's canonical naming (analysis/Naming.h).
//
// A local scalar whose address never escapes lives in a register: ThreadSanitizer's
// instrumentation never reports an access to it, so it is never the name of an access. When the
// line table puts an access on a position with nothing else there (g++ -O1 attributes a loop body's
// store to the loop header), the name is the one memory lvalue the innermost enclosing loop writes.
#include "weft/analyzer/AccessNaming.h"

#include "../analysis/Naming.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <map>
#include <memory>
#include <mutex>
#include <set>

namespace weft::analyzer {

using namespace clang;

namespace {

struct Best {
  const Expr *expr = nullptr;
  const FunctionDecl *fn = nullptr;
  bool exact = false;
  bool written = false;
  unsigned length = ~0u;
};

/// Local scalars that may live in memory: their address is taken, they are bound to a reference
/// or captured by reference. Every other use of a local scalar reads or assigns its value.
class EscapedLocals {
public:
  explicit EscapedLocals(const Stmt *body) { visit(body, nullptr); }
  bool inRegister(const ValueDecl *d) const {
    auto *v = dyn_cast<VarDecl>(d);
    return v && v->hasLocalStorage() && v->getType()->isScalarType() &&
           !v->getType()->isReferenceType() && !escaped_.count(v);
  }

private:
  void visit(const Stmt *s, const Stmt *parent) {
    if (!s)
      return;
    if (auto *le = dyn_cast<LambdaExpr>(s))
      for (const LambdaCapture &c : le->captures())
        if (c.capturesVariable() && c.getCaptureKind() == LCK_ByRef)
          escaped_.insert(c.getCapturedVar());
    if (auto *ref = dyn_cast<DeclRefExpr>(s); ref && !valueUse(parent, ref))
      escaped_.insert(ref->getDecl());
    for (const Stmt *c : s->children())
      visit(c, s);
  }
  // The parent reads the variable's value, assigns it or increments it.
  static bool valueUse(const Stmt *parent, const Expr *ref) {
    if (auto *ic = dyn_cast_or_null<ImplicitCastExpr>(parent))
      return ic->getCastKind() == CK_LValueToRValue;
    if (auto *bo = dyn_cast_or_null<BinaryOperator>(parent))
      return bo->isAssignmentOp() && bo->getLHS()->IgnoreParens() == ref;
    if (auto *uo = dyn_cast_or_null<UnaryOperator>(parent))
      return uo->isIncrementDecrementOp();
    return false;
  }
  std::set<const ValueDecl *> escaped_;
};

class Finder {
public:
  /// Looks for the lvalue at `offset`, or with `within`, for any lvalue inside [offset, end].
  Finder(const SourceManager &sm, unsigned offset, unsigned end = 0, bool within = false)
      : sm_(sm), offset_(offset), end_(end), within_(within) {}

  void decls(const DeclContext *dc) {
    for (const Decl *d : dc->decls()) {
      if (!sm_.isInMainFile(sm_.getExpansionLoc(d->getLocation())))
        continue;
      if (auto *inner = dyn_cast<DeclContext>(d); inner && !isa<FunctionDecl>(d))
        decls(inner);
      if (auto *ctd = dyn_cast<ClassTemplateDecl>(d))
        for (auto *spec : ctd->specializations())
          decls(spec);
      if (auto *ftd = dyn_cast<FunctionTemplateDecl>(d))
        for (auto *spec : ftd->specializations())
          function(spec);
      if (auto *fd = dyn_cast<FunctionDecl>(d))
        function(fd);
    }
  }

  Best best;
  std::set<std::string> writtenNames; ///< with `within`: every lvalue written in the range
  bool inLoop = false;                ///< the innermost loop around offset: [loopBegin, loopEnd]
  unsigned loopBegin = 0, loopEnd = 0;

private:
  void function(const FunctionDecl *fd) {
    if (!fd->doesThisDeclarationHaveABody() || fd->isDependentContext())
      return;
    const FunctionDecl *saved = fn_;
    fn_ = fd;
    EscapedLocals locals(fd->getBody());
    const EscapedLocals *savedLocals = locals_;
    locals_ = &locals;
    stmt(fd->getBody(), false);
    if (auto *ctor = dyn_cast<CXXConstructorDecl>(fd))
      for (const CXXCtorInitializer *init : ctor->inits())
        if (init->isWritten())
          stmt(init->getInit(), false);
    fn_ = saved;
    locals_ = savedLocals;
  }

  void noteLoop(SourceRange r) {
    SourceLocation b = sm_.getFileLoc(r.getBegin()), e = sm_.getFileLoc(r.getEnd());
    if (!sm_.isInMainFile(b) || !sm_.isInMainFile(e))
      return;
    unsigned bo = sm_.getFileOffset(b), eo = sm_.getFileOffset(e);
    if (bo <= offset_ && offset_ <= eo && (!inLoop || eo - bo < loopEnd - loopBegin))
      inLoop = true, loopBegin = bo, loopEnd = eo;
  }

  bool contains(SourceRange r, unsigned *length) const {
    SourceLocation b = sm_.getFileLoc(r.getBegin()), e = sm_.getFileLoc(r.getEnd());
    if (!sm_.isInMainFile(b) || !sm_.isInMainFile(e))
      return false;
    unsigned bo = sm_.getFileOffset(b), eo = sm_.getFileOffset(e);
    if (within_ ? (bo < offset_ || eo > end_) : (offset_ < bo || offset_ > eo + 1))
      return false;
    *length = eo - bo;
    return true;
  }

  void consider(const Expr *e, bool written) {
    if (!isa<DeclRefExpr, MemberExpr, ArraySubscriptExpr, UnaryOperator, CXXOperatorCallExpr>(e))
      return;
    if (auto *ref = dyn_cast<DeclRefExpr>(e); ref && locals_ && locals_->inRegister(ref->getDecl()))
      return;
    unsigned length = 0;
    if (!contains(e->getSourceRange(), &length))
      return;
    NamingScope scope;
    scope.fn = fn_;
    if (!refOf(e, scope).valid())
      return;
    SourceLocation el = sm_.getFileLoc(e->getExprLoc());
    bool exact = sm_.isInMainFile(el) && sm_.getFileOffset(el) == offset_;
    auto rank = [](bool ex, bool wr, unsigned len) {
      return std::make_tuple(ex ? 0 : 1, wr ? 0 : 1, len);
    };
    if (!best.expr || rank(exact, written, length) < rank(best.exact, best.written, best.length))
      best = {e, fn_, exact, written, length};
    if (within_ && written)
      writtenNames.insert(refOf(e, scope).name);
  }

  void stmt(const Stmt *s, bool written) {
    if (!s)
      return;
    if (auto *le = dyn_cast<LambdaExpr>(s)) {
      const FunctionDecl *saved = fn_;
      fn_ = le->getCallOperator();
      stmt(le->getBody(), false);
      fn_ = saved;
      return;
    }
    if (auto *e = dyn_cast<Expr>(s))
      consider(e, written);
    if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(s))
      noteLoop(s->getSourceRange());
    const Stmt *target = nullptr;
    if (auto *bo = dyn_cast<BinaryOperator>(s); bo && bo->isAssignmentOp())
      target = bo->getLHS()->IgnoreParenImpCasts();
    else if (auto *uo = dyn_cast<UnaryOperator>(s); uo && uo->isIncrementDecrementOp())
      target = uo->getSubExpr()->IgnoreParenImpCasts();
    for (const Stmt *c : s->children())
      stmt(c,
           c && (c == target || (isa<Expr>(c) && cast<Expr>(c)->IgnoreParenImpCasts() == target)));
  }

  const SourceManager &sm_;
  unsigned offset_, end_;
  bool within_;
  const FunctionDecl *fn_ = nullptr;
  const EscapedLocals *locals_ = nullptr;
};

std::mutex cacheMutex;
std::map<std::string, std::unique_ptr<ASTUnit>> cache;

ASTUnit *parse(const std::string &file) {
  auto it = cache.find(file);
  if (it != cache.end())
    return it->second.get();
  std::unique_ptr<ASTUnit> unit;
  if (auto buf = llvm::MemoryBuffer::getFile(file)) {
    // The program's own flags are not known here: its directory for its headers, weft's include
    // directory for <weft/weft.h> and <weft/gtest.h> (the wrappers add it too). A header that is
    // still not found leaves parts of the AST out; nothing is printed, the name then comes from
    // the source text.
    std::vector<std::string> args = {
        "-std=c++20",    "-fsyntax-only",         "-w",
        "-resource-dir", WEFT_CLANG_RESOURCE_DIR, "-I" + llvm::sys::path::parent_path(file).str(),
        "-idirafter",    WEFT_RUNTIME_INCLUDE_DIR};
    if (llvm::StringRef(file).ends_with(".c"))
      args[0] = "-std=c17";
    IgnoringDiagConsumer quiet;
    unit = tooling::buildASTFromCodeWithArgs(
        (*buf)->getBuffer(), args, file, "weft-naming", std::make_shared<PCHContainerOperations>(),
        tooling::getClangStripDependencyFileAdjuster(), tooling::FileContentMappings(), &quiet);
  }
  ASTUnit *raw = unit.get();
  cache[file] = std::move(unit); // a failure is cached too: do not re-parse a broken file
  return raw;
}

} // namespace

std::optional<std::string> nameAccessAt(const std::string &file, unsigned line, unsigned column) {
  std::lock_guard<std::mutex> lock(cacheMutex);
  ASTUnit *unit = parse(file);
  if (!unit)
    return std::nullopt;
  ASTContext &ctx = unit->getASTContext();
  const SourceManager &sm = ctx.getSourceManager();
  SourceLocation at = sm.translateLineCol(sm.getMainFileID(), line, column);
  if (at.isInvalid())
    return std::nullopt;
  unsigned offset = sm.getFileOffset(at);
  Finder finder(sm, offset);
  finder.decls(ctx.getTranslationUnitDecl());
  if (!finder.best.expr) {
    // Nothing in memory at this position: the one lvalue the enclosing loop writes, if unique.
    if (!finder.inLoop)
      return std::nullopt;
    Finder inLoop(sm, finder.loopBegin, finder.loopEnd, true);
    inLoop.decls(ctx.getTranslationUnitDecl());
    if (inLoop.writtenNames.size() != 1)
      return std::nullopt;
    return *inLoop.writtenNames.begin();
  }
  NamingScope scope;
  scope.fn = finder.best.fn;
  ObjRef r = refOf(finder.best.expr, scope);
  if (!r.valid())
    return std::nullopt;
  return r.name;
}

} // namespace weft::analyzer
