// Condition hand-offs (FunctionExtractor.h): a thread that waits on a condition variable until
// a shared counter or flag says so (`while (shared.num_done < n) shared.cv.Wait();`, pigz's
// `while (bolt->value != val) pthread_cond_wait(...)`, `cv.wait(lock, [&] { return done; })`)
// sees what the threads that wrote that counter or flag did before writing it. The objects the
// condition reads become synchronisation objects: acquired where the wait ends (the loop's exit
// edge, or after a predicate wait), released after every write to them (ConditionReleases.h).
// The wait itself proves the lock: a condition wait needs its mutex held, so the condition is
// read under it (in a wrapper like pigz's wait_for(), under the caller's).
#include "FunctionExtractor.h"

#include "AstHelpers.h"

#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"

#include <functional>

namespace weft::analyzer {

using namespace clang;

namespace {

/// Whether `s` waits on a condition variable: itself, or a call to a function whose own body
/// does (a CondVar::Wait() wrapper).
bool waits(const Stmt *s, int depth = 0) {
  if (!s || depth > 1)
    return false;
  if (classifySync(s).kind == SyncOp::CvWait)
    return true;
  if (auto *ce = dyn_cast<CallExpr>(s))
    if (const FunctionDecl *fd = ce->getDirectCallee(); fd && fd->hasBody() && depth == 0)
      if (waits(fd->getBody(), depth + 1))
        return true;
  if (isa<LambdaExpr>(s))
    return false;
  for (const Stmt *child : s->children())
    if (waits(child, depth))
      return true;
  return false;
}

} // namespace

std::vector<ObjRef> FunctionExtractor::conditionObjects(const Stmt *cond) {
  std::vector<ObjRef> out;
  std::function<void(const Stmt *)> scan = [&](const Stmt *s) {
    if (!s)
      return;
    const Expr *e = dyn_cast<Expr>(s);
    if (e && (isa<MemberExpr>(e) ||
              (isa<DeclRefExpr>(e) && isa<VarDecl>(cast<DeclRefExpr>(e)->getDecl()) &&
               cast<VarDecl>(cast<DeclRefExpr>(e)->getDecl())->hasGlobalStorage()))) {
      const bool field = isa<MemberExpr>(e) && isa<FieldDecl>(cast<MemberExpr>(e)->getMemberDecl());
      if (field || isa<DeclRefExpr>(e))
        if (ObjRef r = refOf(e, scope_); r.valid() && r.kind != ObjRef::Local)
          if (std::none_of(out.begin(), out.end(), [&](const ObjRef &o) { return o == r; }))
            out.push_back(std::move(r));
      if (field)
        return; // `shared->num_done`: the field, not the pointer on the way to it
    }
    for (const Stmt *child : s->children())
      scan(child);
  };
  scan(cond);
  return out;
}

void FunctionExtractor::waitLoopExit(const CFGBlock &blk, Block &out) {
  const Stmt *loop = blk.getTerminatorStmt();
  const Stmt *body = nullptr;
  const Expr *cond = nullptr;
  if (auto *ws = dyn_cast_or_null<WhileStmt>(loop)) {
    body = ws->getBody();
    cond = ws->getCond();
  } else if (auto *ds = dyn_cast_or_null<DoStmt>(loop)) {
    body = ds->getBody();
    cond = ds->getCond();
  }
  if (!body || !cond || !waits(body))
    return;
  const report::Location at = loc(cond->getBeginLoc());
  for (ObjRef &r : conditionObjects(cond)) {
    EdgeFact f{EdgeFact::SyncedOn, {}};
    f.sync = add(out_.syncs, SyncPoint{std::move(r), at, true});
    out.onFalse.push_back(std::move(f)); // the loop ends when its condition is false
  }
}

void FunctionExtractor::predicateWait(const CallExpr *call, Block &out) {
  if (call->getNumArgs() == 0)
    return;
  const auto *lambda = dyn_cast<LambdaExpr>(stripCallable(call->getArg(call->getNumArgs() - 1)));
  if (!lambda || !lambda->getBody())
    return;
  const report::Location at = loc(lambda->getBeginLoc());
  for (ObjRef &r : conditionObjects(lambda->getBody())) {
    int index = add(out_.syncs, SyncPoint{std::move(r), at, true});
    emit(out, Event::SyncAcquire, index);
  }
}

} // namespace weft::analyzer
