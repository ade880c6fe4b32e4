// Pointers stored into fields (FunctionExtractor.h; Body.h FieldStore). A worker's record that
// points back at its pool (`(*thread_p)->thpool_p = thpool_p;`, `w->pool = &the_pool`) is how
// real pools reach their shared state; the worker then names the pool by that field while the
// code that made it names it by its own variable. Each function says here which object it
// stores into which pointer field; the context expansion (Program.cpp) merges the two names
// when a field is only ever given one object.
#include "FunctionExtractor.h"

#include "AstHelpers.h"

#include "clang/AST/Expr.h"

namespace weft::analyzer {

using namespace clang;

namespace {

const FieldDecl *pointerField(const Expr *lhs) {
  auto *me = dyn_cast<MemberExpr>(lhs->IgnoreParenImpCasts());
  auto *f = me ? dyn_cast<FieldDecl>(me->getMemberDecl()) : nullptr;
  if (!f || !f->getType()->isPointerType() || f->getType()->getPointeeType()->isFunctionType())
    return nullptr;
  return f;
}

} // namespace

void FunctionExtractor::collectFieldStores(const Stmt *body) {
  auto store = [&](const FieldDecl *f, const Expr *value) {
    if (isa<ImplicitValueInitExpr>(value) ||
        value->isNullPointerConstant(ctx_, Expr::NPC_ValueDependentIsNotNull) != Expr::NPCK_NotNull)
      return; // no object
    out_.fieldStores.push_back({"f:" + canonicalFieldName(f), pointeeOf(value, scope_)});
  };
  forEachStmt(body, [&](const Stmt *s) {
    if (auto *bo = dyn_cast<BinaryOperator>(s); bo && bo->getOpcode() == BO_Assign) {
      if (const FieldDecl *f = pointerField(bo->getLHS()))
        store(f, bo->getRHS());
    } else if (auto *il = dyn_cast<InitListExpr>(s); il && il->getType()->isRecordType()) {
      const RecordDecl *rd = il->getType()->getAsRecordDecl();
      unsigned i = 0;
      for (const FieldDecl *f : rd->fields()) {
        if (i >= il->getNumInits())
          break;
        if (f->getType()->isPointerType() && !f->getType()->getPointeeType()->isFunctionType())
          store(f, il->getInit(i));
        ++i;
      }
    }
  });
  for (const auto &[init, field] : ctorInitField_)
    if (field->getType()->isPointerType() && !field->getType()->getPointeeType()->isFunctionType())
      store(field, init);
}

} // namespace weft::analyzer
