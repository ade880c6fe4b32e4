// Value flows of one function (see ValueFlowExtraction.h).
#include "ValueFlowExtraction.h"

#include "AstHelpers.h"
#include "BodyExtraction.h"
#include "Naming.h"
#include "Ownership.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"

namespace weft::analyzer {

using namespace clang;

namespace {

constexpr int kMaxDepth = 8;

/// Values worth following: pointers (callables, the arguments handed to them) and objects
/// (std::function, work items, functors). Numbers never hold a callable.
bool tracked(QualType t) {
  t = t.getNonReferenceType();
  return t->isPointerType() || t->isMemberPointerType() || t->isRecordType() ||
         t->isFunctionType() || t->isDependentType();
}

bool isStdFunction(const FunctionDecl *fd) { return fd && fd->isInStdNamespace(); }

/// The element type of a standard container (its first template argument).
QualType elementType(QualType container) {
  const auto *spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      container.getNonReferenceType()->getAsCXXRecordDecl());
  if (!spec || spec->getTemplateArgs().size() == 0 ||
      spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return {};
  return spec->getTemplateArgs()[0].getAsType();
}

/// The project constructor of `t` taking `n` arguments (emplace's construction), or null.
const CXXConstructorDecl *constructorFor(QualType t, unsigned n) {
  const auto *rd = t.isNull() ? nullptr : t->getAsCXXRecordDecl();
  if (!rd || !rd->hasDefinition())
    return nullptr;
  for (const CXXConstructorDecl *c : rd->ctors())
    if (!c->isCopyOrMoveConstructor() && c->getNumParams() == n)
      return c;
  return nullptr;
}

FlowValue nodeValue(std::string node) {
  FlowValue v;
  v.node = std::move(node);
  return v;
}

} // namespace

bool isCallableType(QualType t) {
  t = t.getNonReferenceType();
  if (t->isFunctionPointerType() || t->isFunctionType() || t->isMemberFunctionPointerType())
    return true;
  if (isStdCallableWrapper(t))
    return true;
  const auto *rd = t->getAsCXXRecordDecl();
  return rd && rd->hasDefinition() && (rd->isLambda() || functorCallOperator(t));
}

std::string ValueFlowExtractor::varNode(const VarDecl *vd) const {
  if (auto *pvd = dyn_cast<ParmVarDecl>(vd)) {
    const auto *fd = dyn_cast_or_null<FunctionDecl>(pvd->getDeclContext());
    return fd ? "p:" + b_.flowKey(fd) + "#" + std::to_string(pvd->getFunctionScopeIndex()) : "";
  }
  const SourceManager &sm = b_.context().getSourceManager();
  if (vd->hasGlobalStorage() && !vd->isStaticLocal() && vd->isExternallyVisible())
    return "g:" + canonicalVarName(vd);
  // A local (a lambda's capture names the same declaration), or a global no other file sees.
  SourceLocation at = sm.getExpansionLoc(vd->getLocation());
  return "l:" + sm.getFilename(at).str() + ":" + std::to_string(sm.getFileOffset(at));
}

std::vector<FlowValue> ValueFlowExtractor::valuesOf(const Expr *e, int depth) {
  std::vector<FlowValue> out;
  if (!e || depth > kMaxDepth)
    return out;
  e = stripExpr(e, StripExplicitCasts | StripTemporaries | StripCopies | StripStdMove);
  auto add = [&](const Expr *sub) {
    for (FlowValue &v : valuesOf(sub, depth + 1))
      out.push_back(std::move(v));
  };
  auto function = [&](const FunctionDecl *fd) {
    FlowValue v;
    v.fn = b_.functionIndex(fd);
    if (v.fn < 0)
      v.fnLink = b_.linkName(fd);
    if (v.fn >= 0 || !v.fnLink.empty())
      out.push_back(std::move(v));
  };
  auto elements = [&](const Expr *container) {
    for (const FlowValue &v : valuesOf(container, depth + 1))
      if (!v.node.empty())
        out.push_back(nodeValue("e:" + v.node));
  };
  if (auto *le = dyn_cast<LambdaExpr>(e)) {
    function(le->getCallOperator());
  } else if (auto *dre = dyn_cast<DeclRefExpr>(e)) {
    if (auto *fd = dyn_cast<FunctionDecl>(dre->getDecl()))
      function(fd);
    else if (auto *vd = dyn_cast<VarDecl>(dre->getDecl()))
      out.push_back(nodeValue(varNode(vd)));
  } else if (auto *me = dyn_cast<MemberExpr>(e)) {
    if (auto *fd = dyn_cast<FieldDecl>(me->getMemberDecl()))
      out.push_back(nodeValue("f:" + canonicalFieldName(fd)));
    else if (auto *vd = dyn_cast<VarDecl>(me->getMemberDecl()))
      out.push_back(nodeValue(varNode(vd)));
  } else if (auto *uo = dyn_cast<UnaryOperator>(e)) {
    // `&f`, `*p`: a pointer and what it points to are one node (field-based, flow-insensitive).
    if (uo->getOpcode() == UO_AddrOf || uo->getOpcode() == UO_Deref)
      add(uo->getSubExpr());
  } else if (auto *co = dyn_cast<AbstractConditionalOperator>(e)) {
    add(co->getTrueExpr());
    add(co->getFalseExpr());
  } else if (auto *ase = dyn_cast<ArraySubscriptExpr>(e)) {
    elements(ase->getBase());
  } else if (auto *oc = dyn_cast<CXXOperatorCallExpr>(e)) {
    OverloadedOperatorKind op = oc->getOperator();
    if ((op == OO_Star || op == OO_Arrow) && oc->getNumArgs() >= 1)
      add(oc->getArg(0)); // a smart pointer's target
    else if (op == OO_Subscript && oc->getNumArgs() == 2)
      elements(oc->getArg(0));
  } else if (auto *mc = dyn_cast<CXXMemberCallExpr>(e)) {
    const Expr *obj = mc->getImplicitObjectArgument();
    const CXXMethodDecl *md = mc->getMethodDecl();
    if (obj && md && md->getIdentifier()) {
      QualType t =
          obj->getType()->isPointerType() ? obj->getType()->getPointeeType() : obj->getType();
      llvm::StringRef n = md->getName();
      if (isStdContainer(t) && (n == "front" || n == "back" || n == "top" || n == "at"))
        elements(obj);
      else if (isStdClass(t, {"shared_ptr", "unique_ptr"}) && n == "get")
        add(obj);
    }
  } else if (auto *ce = dyn_cast<CallExpr>(e)) {
    // std::bind, std::make_shared, std::forward, std::ref...: the value of what they wrap.
    if (isStdFunction(ce->getDirectCallee()))
      for (const Expr *a : ce->arguments())
        add(a);
  } else if (auto *cons = dyn_cast<CXXConstructExpr>(e)) {
    if (isStdFunction(cons->getConstructor())) { // std::function(f), std::packaged_task(f)
      for (const Expr *a : cons->arguments())
        add(a);
    } else if (const FunctionDecl *call = functorCallOperator(cons->getType())) {
      function(call); // a functor object
    }
  } else if (auto *ne = dyn_cast<CXXNewExpr>(e)) {
    if (const Expr *init = ne->getInitializer())
      add(init);
  }
  return out;
}

std::string ValueFlowExtractor::nodeOf(const Expr *e) {
  for (const FlowValue &v : valuesOf(e))
    if (!v.node.empty())
      return v.node;
  return "";
}

void ValueFlowExtractor::flow(const std::string &to, const Expr *from) {
  if (to.empty() || !from)
    return;
  if (isFreshAllocation(from)) {
    FlowEdge e;
    e.to = to;
    e.fresh = true;
    out_.flows.push_back(std::move(e));
    return;
  }
  // An object the function owns (taken out of a shared structure, or given by a function
  // returning such): the holder of the field it goes into has it to itself (OwnedFields.h).
  const bool owned = to.starts_with("f:") && fn_ && from->getType()->isPointerType() &&
                     ownedValue(from, fn_, b_.ownership()) != Owned::No;
  std::vector<FlowValue> values = valuesOf(from);
  if (values.empty() && from->getType()->isPointerType() &&
      from->isNullPointerConstant(b_.context(), Expr::NPC_ValueDependentIsNotNull) ==
          Expr::NPCK_NotNull)
    values.emplace_back(); // a value from nowhere followed (a call's result): not fresh
  for (FlowValue &v : values)
    out_.flows.push_back({to, std::move(v.node), v.fn, std::move(v.fnLink), false, owned});
}

void ValueFlowExtractor::construct(const CXXConstructorDecl *ctor,
                                   llvm::ArrayRef<const Expr *> args) {
  const FunctionDecl *def = nullptr;
  if (!hasProjectBody(ctor, b_.context().getSourceManager(), &def))
    return;
  b_.functionIndex(def); // its member initialisers say where the arguments go
  for (unsigned i = 0; i < args.size() && i < ctor->getNumParams(); ++i)
    if (tracked(args[i]->getType()))
      flow("p:" + b_.flowKey(def) + "#" + std::to_string(i), args[i]);
}

void ValueFlowExtractor::containerInsert(const CXXMemberCallExpr *mc) {
  const Expr *obj = mc->getImplicitObjectArgument();
  const CXXMethodDecl *md = mc->getMethodDecl();
  if (!obj || !md || !md->getIdentifier() || mc->getNumArgs() == 0)
    return;
  QualType t = obj->getType()->isPointerType() ? obj->getType()->getPointeeType() : obj->getType();
  llvm::StringRef n = md->getName();
  if (!isStdContainer(t) ||
      !(n == "push_back" || n == "push_front" || n == "push" || n == "emplace" ||
        n == "emplace_back" || n == "emplace_front" || n == "insert" || n == "emplace_hint"))
    return;
  QualType elem = elementType(t);
  std::vector<const Expr *> args(mc->arg_begin(), mc->arg_end());
  if (n == "insert" || n == "emplace_hint") // the position comes first
    args.erase(args.begin());
  if (args.empty())
    return;
  bool constructs = n.starts_with("emplace") && !elem.isNull() && elem->isRecordType() &&
                    (args.size() > 1 || !args[0]->getType()->isRecordType());
  if (constructs) {
    if (const CXXConstructorDecl *ctor = constructorFor(elem, static_cast<unsigned>(args.size())))
      construct(ctor, args);
    return;
  }
  for (const FlowValue &v : valuesOf(obj))
    if (!v.node.empty())
      flow("e:" + v.node, args.back());
}

void ValueFlowExtractor::statement(const Stmt *s) {
  if (!s)
    return;
  if (auto *bo = dyn_cast<BinaryOperator>(s); bo && bo->getOpcode() == BO_Assign) {
    if (tracked(bo->getLHS()->getType()))
      for (const FlowValue &v : valuesOf(bo->getLHS()))
        flow(v.node, bo->getRHS());
  } else if (auto *oc = dyn_cast<CXXOperatorCallExpr>(s);
             oc && oc->getOperator() == OO_Equal && oc->getNumArgs() == 2) {
    for (const FlowValue &v : valuesOf(oc->getArg(0)))
      flow(v.node, oc->getArg(1));
  } else if (auto *ds = dyn_cast<DeclStmt>(s)) {
    for (const Decl *d : ds->decls())
      if (auto *vd = dyn_cast<VarDecl>(d); vd && vd->getInit() && tracked(vd->getType()))
        flow(varNode(vd), vd->getInit());
  } else if (auto *cons = dyn_cast<CXXConstructExpr>(s)) {
    if (!cons->getConstructor()->isCopyOrMoveConstructor() && cons->getNumArgs() > 0)
      construct(cons->getConstructor(),
                llvm::ArrayRef<const Expr *>(cons->getArgs(), cons->getNumArgs()));
  } else if (auto *il = dyn_cast<InitListExpr>(s)) {
    // `struct item it = {fn, arg};`: aggregate members in declaration order.
    if (const RecordDecl *rd = il->getType()->getAsRecordDecl(); rd && !rd->isUnion()) {
      unsigned i = 0;
      for (const FieldDecl *f : rd->fields()) {
        if (i >= il->getNumInits())
          break;
        if (tracked(f->getType()))
          flow("f:" + canonicalFieldName(f), il->getInit(i));
        ++i;
      }
    }
  } else if (auto *mc = dyn_cast<CXXMemberCallExpr>(s)) {
    containerInsert(mc);
  } else if (auto *le = dyn_cast<LambdaExpr>(s)) {
    // The lambda's body is a function of its own; only its init-captures flow here.
    for (const LambdaCapture &cap : le->captures())
      if (cap.capturesVariable())
        if (auto *vd = dyn_cast<VarDecl>(cap.getCapturedVar()); vd && vd->isInitCapture())
          flow(varNode(vd), vd->getInit());
    return;
  }
  for (const Stmt *c : s->children())
    statement(c);
}

void ValueFlowExtractor::collect(const FunctionDecl *fd, const Stmt *body) {
  fn_ = fd;
  out_.flowKey = b_.flowKey(fd);
  if (auto *ctor = dyn_cast<CXXConstructorDecl>(fd))
    for (const CXXCtorInitializer *init : ctor->inits())
      if (init->getInit() && init->isWritten()) {
        if (const FieldDecl *f = init->getMember(); f && tracked(f->getType()))
          flow("f:" + canonicalFieldName(f), init->getInit());
        statement(init->getInit());
      }
  statement(body);
  // The virtual methods it overrides, at every level: a call to any of them may run it.
  std::vector<const CXXMethodDecl *> todo;
  if (auto *md = dyn_cast<CXXMethodDecl>(fd); md && md->isVirtual())
    todo.push_back(md);
  while (!todo.empty()) {
    const CXXMethodDecl *md = todo.back();
    todo.pop_back();
    for (const CXXMethodDecl *base : md->overridden_methods()) {
      if (std::string link = b_.linkName(base); !link.empty())
        out_.overrides.push_back(std::move(link));
      todo.push_back(base);
    }
  }
}

} // namespace weft::analyzer
