// Callables at calls (FunctionExtractor.h): which concrete callable a call hands to each
// callable parameter (a thread site if the callee turns out to run it on another thread,
// ValueFlow.h), and calls through values (a function pointer, a std::function) as invokes the
// whole-program value flow resolves.
#include "FunctionExtractor.h"

#include "AstHelpers.h"
#include "ThreadModel.h"

#include "clang/AST/ExprCXX.h"

namespace weft::analyzer {

using namespace clang;

std::map<int, CallableArg> FunctionExtractor::callables(const FunctionDecl *callee, const Stmt *at,
                                                        llvm::ArrayRef<const Expr *> args) {
  std::map<int, CallableArg> out;
  for (unsigned i = 0; i < args.size() && i < callee->getNumParams(); ++i) {
    if (!isCallableType(callee->getParamDecl(i)->getType()))
      continue;
    const Expr *arg = stripCallable(args[i]);
    if (auto *dre = dyn_cast<DeclRefExpr>(arg))
      if (auto *pvd = dyn_cast<ParmVarDecl>(dre->getDecl()); pvd && pvd->getDeclContext() == fd_) {
        out[static_cast<int>(i)].fromParam = static_cast<int>(pvd->getFunctionScopeIndex());
        continue;
      }
    // What a std::function or packaged_task parameter is constructed from.
    while (auto *ce = dyn_cast<CXXConstructExpr>(arg))
      if (ce->getNumArgs() >= 1 && isStdCallableWrapper(ce->getType()))
        arg = stripCallable(ce->getArg(0));
      else
        break;
    SyncOp op;
    op.callable = arg;
    ThreadEntry entry = resolveThreadEntry(op, scope_);
    if (!entry.fn)
      continue;
    // A thread site that exists only if the callee runs this parameter on another thread.
    bool fresh = false;
    int site = b_.siteId(args[i], &fresh);
    if (fresh) {
      std::string assigned;
      ThreadSite &ts = fillSite(site, entry, loc(at->getBeginLoc()),
                                handleOfCreation(at, SyncOp{}, &assigned)); // `t = launch(fn, arg)`
      ts.candidate = true;
      setGuardFlag(at, ts);
    }
    out[static_cast<int>(i)].site = site;
  }
  return out;
}

bool FunctionExtractor::invoke(const CallExpr *call, Block &out) {
  const Expr *callee = nullptr;
  std::vector<const Expr *> args;
  if (!call->getDirectCallee()) {
    callee = call->getCallee();
    args.assign(call->arg_begin(), call->arg_end());
  } else if (auto *oc = dyn_cast<CXXOperatorCallExpr>(call);
             oc && oc->getOperator() == OO_Call && oc->getNumArgs() >= 1 &&
             isStdCallableWrapper(oc->getArg(0)->getType())) {
    callee = oc->getArg(0);
    args.assign(oc->arg_begin() + 1, oc->arg_end());
  }
  if (!callee)
    return false;
  InvokeOp inv{flows_.nodeOf(callee), {}, false, loc(call->getBeginLoc())};
  if (inv.callee.empty())
    return true;
  Bindings bind;
  for (size_t i = 0; i < args.size(); ++i) {
    inv.args.push_back(flows_.nodeOf(args[i]));
    if (args[i]->getType()->isPointerType())
      if (ObjRef r = pointeeOf(args[i], scope_); r.valid())
        bind.params[static_cast<int>(i)] = r;
  }
  CallOp c;
  c.bind = std::move(bind);
  c.loc = inv.loc;
  c.inLoop = inLoop(call);
  c.invoke = add(out_.invokes, std::move(inv));
  emit(out, Event::Call, add(out_.calls, std::move(c)));
  return true;
}

} // namespace weft::analyzer
