// Canonical naming of lvalues, pointees and object identities (see Naming.h).
#include "Naming.h"

#include "AstHelpers.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <cstdio>
#include <cstring>
#include <utility>

namespace weft::analyzer {

using namespace clang;

namespace {

thread_local std::string t_unitTag; // see UnitTagScope

std::string hexId(const void *p) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%zx", reinterpret_cast<std::uintptr_t>(p));
  return t_unitTag + buf;
}

/// Identity of a global: its name, and the TU's tag when no other TU can name it (static, in an
/// anonymous namespace), so two files' `static int count` stay two objects.
std::string globalId(const VarDecl *vd) {
  std::string name = canonicalVarName(vd);
  return vd->isExternallyVisible() ? name : name + "@" + t_unitTag;
}

/// Removes `(anonymous namespace)::` and similar segments so names read as written.
std::string cleanQualified(std::string s) {
  for (const char *junk : {"(anonymous namespace)::", "(anonymous)::"}) {
    for (size_t at = s.find(junk); at != std::string::npos; at = s.find(junk))
      s.erase(at, std::strlen(junk));
  }
  return s;
}

const Expr *strip(const Expr *e) { return stripExpr(e, StripExplicitCasts); }

bool isCapturedByCopy(const VarDecl *vd, const NamingScope &scope) {
  auto *md = dyn_cast_or_null<CXXMethodDecl>(scope.fn);
  if (!md || !md->getParent()->isLambda())
    return false;
  llvm::DenseMap<const ValueDecl *, FieldDecl *> fields;
  FieldDecl *thisField = nullptr;
  md->getParent()->getCaptureFields(fields, thisField);
  auto it = fields.find(vd);
  return it != fields.end() && !it->second->getType()->isReferenceType();
}

/// A parameter of the scope's own function (not of an enclosing one seen through a capture).
int ownParamIndex(const VarDecl *vd, const NamingScope &scope) {
  auto *pv = dyn_cast<ParmVarDecl>(vd);
  if (!pv || !scope.fn || pv->getDeclContext() != scope.fn)
    return -1;
  return static_cast<int>(pv->getFunctionScopeIndex());
}

ObjRef varRef(const VarDecl *vd, const NamingScope &scope, int depth) {
  if (auto it = scope.aliases.find(vd);
      it != scope.aliases.end() && vd->getType()->isReferenceType())
    return refOf(it->second, scope, depth + 1);
  if (vd->getTLSKind() != VarDecl::TLS_None)
    return {}; // thread_local: one per thread, never shared
  if (vd->hasGlobalStorage())
    return {ObjRef::Global, canonicalVarName(vd), "g:" + globalId(vd)};
  int param = ownParamIndex(vd, scope);
  if (vd->getType()->isReferenceType()) {
    if (param >= 0)
      return {ObjRef::ParamTarget, vd->getNameAsString(), "p#" + std::to_string(param)};
    return {};
  }
  if (param >= 0)
    return {}; // by-value parameter: a private copy
  if (isCapturedByCopy(vd, scope))
    return {};
  return {ObjRef::Local, vd->getNameAsString(), "l:" + hexId(vd)};
}

/// A variable whose object belongs to this frame alone: a by-value parameter, a by-copy capture, a
/// thread_local. Not a reference (it names someone else's object) and not a global.
bool isPrivateCopy(const VarDecl *vd, const NamingScope &scope) {
  if (vd->getTLSKind() != VarDecl::TLS_None)
    return true;
  if (vd->hasGlobalStorage())
    return false;
  if (ownParamIndex(vd, scope) >= 0)
    return !vd->getType()->isReferenceType();
  return isCapturedByCopy(vd, scope);
}

/// Whether `e` is a part of a private copy reached without a pointer: `t`, `t.meta`,
/// `t.sizes[1]` for a by-value parameter `t` (leveldb's RepairTable(src, TableInfo t)).
bool inPrivateCopy(const Expr *e, const NamingScope &scope) {
  for (int depth = 0; e && depth < 16; ++depth) {
    e = e->IgnoreParenImpCasts();
    if (auto *dre = dyn_cast<DeclRefExpr>(e)) {
      auto *vd = dyn_cast<VarDecl>(dre->getDecl());
      return vd && isPrivateCopy(vd, scope);
    }
    if (auto *me = dyn_cast<MemberExpr>(e)) {
      if (me->isArrow() || me->getMemberDecl()->getType()->isReferenceType() ||
          !isa<FieldDecl>(me->getMemberDecl()))
        return false;
      e = me->getBase();
      continue;
    }
    auto *ase = dyn_cast<ArraySubscriptExpr>(e);
    if (!ase || !ase->getBase()->IgnoreParenImpCasts()->getType()->isArrayType())
      return false;
    e = ase->getBase();
  }
  return false;
}

/// The holder of a pointer kept in a private copy's field (`*t.file`, `*t.slots[0]`): the copy is
/// the frame's own, the object it points to is not. Unknown, named by the field.
ObjRef copiedPointerHolder(const Expr *e) {
  e = e->IgnoreParenImpCasts();
  if (auto *ase = dyn_cast<ArraySubscriptExpr>(e))
    e = ase->getBase()->IgnoreParenImpCasts();
  if (auto *me = dyn_cast<MemberExpr>(e))
    if (auto *fd = dyn_cast<FieldDecl>(me->getMemberDecl()))
      return {ObjRef::Field, canonicalFieldName(fd), ""};
  return {};
}

} // namespace

const MaterializeTemporaryExpr *temporaryOf(const Expr *e) {
  while (e) {
    if (auto *mt = dyn_cast<MaterializeTemporaryExpr>(e))
      return mt->getStorageDuration() == SD_FullExpression ||
                     mt->getStorageDuration() == SD_Automatic
                 ? mt
                 : nullptr;
    if (auto *pe = dyn_cast<ParenExpr>(e))
      e = pe->getSubExpr();
    else if (auto *ice = dyn_cast<ImplicitCastExpr>(e))
      e = ice->getSubExpr();
    else if (auto *fe = dyn_cast<FullExpr>(e))
      e = fe->getSubExpr();
    else
      return nullptr;
  }
  return nullptr;
}

ObjRef refOfVar(const VarDecl *vd, const NamingScope &scope) { return varRef(vd, scope, 0); }

std::string indexValue(const Expr *arg, const NamingScope &scope) {
  if (!arg || !scope.fn || !arg->getType()->isIntegerType())
    return "";
  const Expr *e = arg->IgnoreParenImpCasts();
  Expr::EvalResult value;
  if (!e->isValueDependent() && e->EvaluateAsInt(value, scope.fn->getASTContext()))
    return std::to_string(value.Val.getInt().getExtValue());
  if (auto *dre = dyn_cast<DeclRefExpr>(e))
    if (auto *vd = dyn_cast<VarDecl>(dre->getDecl()))
      if (int param = ownParamIndex(vd, scope); param >= 0 && !vd->getType()->isReferenceType())
        return "p#" + std::to_string(param);
  return "";
}

UnitTagScope::UnitTagScope(std::string tag) : previous_(std::exchange(t_unitTag, std::move(tag))) {}
UnitTagScope::~UnitTagScope() { t_unitTag = std::move(previous_); }

std::string canonicalVarName(const VarDecl *vd) {
  if (vd->isStaticLocal() || !vd->hasGlobalStorage())
    return vd->getNameAsString();
  return cleanQualified(vd->getQualifiedNameAsString());
}

std::string canonicalFieldName(const FieldDecl *fd) {
  const RecordDecl *rd = fd->getParent();
  std::string cls = rd->getIdentifier() ? cleanQualified(rd->getQualifiedNameAsString()) : "";
  if (cls.empty())
    return fd->getNameAsString();
  return cls + "::" + fd->getNameAsString();
}

std::string identityOf(const Expr *base, bool arrow, const NamingScope &scope) {
  base = strip(base);
  if (isa<CXXThisExpr>(base))
    return "this";
  // A reference member refers to an object the analysis does not track: unknown.
  if (auto *me = dyn_cast<MemberExpr>(base);
      me && !arrow && me->getMemberDecl()->getType()->isReferenceType())
    return "";
  ObjRef r = arrow ? pointeeOf(base, scope) : refOf(base, scope);
  if (!r.valid())
    return "";
  if (r.kind == ObjRef::Field)
    return r.inst + "." + r.name;
  return r.inst;
}

ObjRef refOf(const Expr *e, const NamingScope &scope, int depth) {
  if (!e || depth > 8)
    return {};
  // A temporary of the full expression (`s = Status::IOError(...)` binding `rhs`,
  // `NewIterator()->Valid()`): a new object of this frame, like a local. (IgnoreParenImpCasts
  // would step over it.)
  if (const MaterializeTemporaryExpr *mt = temporaryOf(e))
    return {ObjRef::Local, "(temporary)", "l:" + hexId(mt)};
  e = e->IgnoreParenImpCasts();
  if (auto *dre = dyn_cast<DeclRefExpr>(e)) {
    if (auto *vd = dyn_cast<VarDecl>(dre->getDecl()))
      return varRef(vd, scope, depth);
    return {};
  }
  if (auto *me = dyn_cast<MemberExpr>(e)) {
    if (auto *vd = dyn_cast<VarDecl>(me->getMemberDecl())) // static data member
      return varRef(vd, scope, depth);
    auto *fd = dyn_cast<FieldDecl>(me->getMemberDecl());
    if (!fd || (!me->isArrow() && inPrivateCopy(me->getBase(), scope)))
      return {};
    return {ObjRef::Field, canonicalFieldName(fd), identityOf(me->getBase(), me->isArrow(), scope)};
  }
  if (auto *ase = dyn_cast<ArraySubscriptExpr>(e)) {
    const Expr *base = ase->getBase()->IgnoreParenImpCasts();
    if (!base->getType()->isArrayType())
      return pointeeOf(ase->getBase(), scope, depth + 1);
    ObjRef r = refOf(base, scope, depth + 1);
    // An element whose index is a constant or a by-value parameter is told apart from the other
    // elements (`partial[slot]`, each thread given its own slot); any other index is the array.
    if (!r.inst.empty()) {
      if (std::string v = indexValue(ase->getIdx(), scope); !v.empty())
        r.inst += "[" + v + "]";
    }
    return r;
  }
  if (auto *uo = dyn_cast<UnaryOperator>(e)) {
    if (uo->getOpcode() == UO_Deref)
      return pointeeOf(uo->getSubExpr(), scope, depth + 1);
    return {};
  }
  if (auto *op = dyn_cast<CXXOperatorCallExpr>(e)) {
    // v[i] on a standard container names the container.
    if (op->getOperator() == OO_Subscript && op->getNumArgs() > 0 &&
        isStdContainer(op->getArg(0)->getType()))
      return refOf(op->getArg(0), scope, depth + 1);
    if (op->getOperator() == OO_Star && op->getNumArgs() == 1)
      return pointeeOf(op->getArg(0), scope, depth + 1);
    return {};
  }
  if (auto *mc = dyn_cast<CXXMemberCallExpr>(e)) {
    const Expr *obj = mc->getImplicitObjectArgument();
    auto *md = mc->getMethodDecl();
    if (obj && md &&
        isStdContainer(obj->getType()->isPointerType() ? obj->getType()->getPointeeType()
                                                       : obj->getType())) {
      llvm::StringRef n = md->getName();
      if (n == "at" || n == "front" || n == "back" || n == "data")
        return obj->getType()->isPointerType() ? pointeeOf(obj, scope, depth + 1)
                                               : refOf(obj, scope, depth + 1);
    }
    return {};
  }
  return {};
}

ObjRef pointeeOf(const Expr *e, const NamingScope &scope, int depth) {
  if (!e || depth > 8)
    return {};
  for (const Expr *c = e->IgnoreParens(); auto *ice = dyn_cast<ImplicitCastExpr>(c);
       c = ice->getSubExpr()->IgnoreParens())
    if (ice->getCastKind() == CK_ArrayToPointerDecay)
      return refOf(ice->getSubExpr(), scope, depth + 1); // `buf` passed as a pointer
  e = strip(e);
  if (auto *uo = dyn_cast<UnaryOperator>(e); uo && uo->getOpcode() == UO_AddrOf)
    return refOf(uo->getSubExpr(), scope, depth + 1);
  if (isa<CXXThisExpr>(e))
    return {ObjRef::Field, "", "this"}; // only used as an identity
  if (auto *dre = dyn_cast<DeclRefExpr>(e)) {
    auto *vd = dyn_cast<VarDecl>(dre->getDecl());
    if (!vd)
      return {};
    if (auto it = scope.aliases.find(vd); it != scope.aliases.end())
      return pointeeOf(it->second, scope, depth + 1);
    int param = ownParamIndex(vd, scope);
    if (param >= 0)
      return {ObjRef::ParamTarget, "*" + vd->getNameAsString(), "p#" + std::to_string(param)};
    if (vd->hasGlobalStorage())
      return {ObjRef::Global, "*" + canonicalVarName(vd), "n:" + globalId(vd)};
    return {ObjRef::Local, "*" + vd->getNameAsString(), "n:" + hexId(vd)};
  }
  auto *deref = dyn_cast<UnaryOperator>(e);
  if (isa<ArraySubscriptExpr, MemberExpr>(e) || (deref && deref->getOpcode() == UO_Deref)) {
    // An element, a field or a pointee holding a pointer (`(*table)->rep` on a `Table **`
    // parameter): name the pointee by the holder.
    ObjRef holder = refOf(e, scope, depth + 1);
    if (!holder.valid() && inPrivateCopy(e, scope))
      holder = copiedPointerHolder(e);
    if (!holder.valid())
      return {};
    return {holder.kind == ObjRef::Global ? ObjRef::Global : ObjRef::Field, "*" + holder.name,
            "n:" + holder.inst + "." + holder.name};
  }
  if (auto *mc = dyn_cast<CXXMemberCallExpr>(e)) { // smart_ptr.get()
    if (auto *md = mc->getMethodDecl(); md && md->getName() == "get")
      return refOf(mc->getImplicitObjectArgument(), scope, depth + 1);
  }
  if (auto *op = dyn_cast<CXXOperatorCallExpr>(e); op && op->getOperator() == OO_Arrow)
    return refOf(op->getArg(0), scope, depth + 1);
  return {};
}

QualType declaredTypeOf(const Expr *e) {
  e = e->IgnoreParenImpCasts();
  if (auto *dre = dyn_cast<DeclRefExpr>(e))
    return dre->getDecl()->getType();
  if (auto *me = dyn_cast<MemberExpr>(e))
    return me->getMemberDecl()->getType();
  if (auto *ase = dyn_cast<ArraySubscriptExpr>(e)) {
    const Expr *base = ase->getBase()->IgnoreParenImpCasts();
    if (base->getType()->isArrayType())
      return declaredTypeOf(base);
  }
  return e->getType().getUnqualifiedType();
}

bool isStdClass(QualType t, llvm::ArrayRef<llvm::StringRef> names) {
  t = t.getNonReferenceType();
  const auto *rd = t->getAsCXXRecordDecl();
  if (!rd || !rd->isInStdNamespace() || !rd->getIdentifier())
    return false;
  llvm::StringRef n = rd->getName();
  for (llvm::StringRef want : names)
    if (n == want)
      return true;
  return false;
}

bool isStdContainer(QualType t) {
  static const llvm::StringRef names[] = {"vector",
                                          "deque",
                                          "list",
                                          "forward_list",
                                          "map",
                                          "multimap",
                                          "set",
                                          "multiset",
                                          "unordered_map",
                                          "unordered_set",
                                          "unordered_multimap",
                                          "unordered_multiset",
                                          "basic_string",
                                          "array",
                                          "queue",
                                          "stack",
                                          "priority_queue",
                                          "bitset",
                                          "optional",
                                          "pair",
                                          "tuple"};
  return isStdClass(t, names);
}

bool isNonRacyType(QualType t) {
  t = t.getNonReferenceType();
  while (const auto *at = t->getAsArrayTypeUnsafe())
    t = at->getElementType();
  if (t.isConstQualified() || t->isAtomicType())
    return true;
  return isStdClass(t, {"atomic",
                        "atomic_flag",
                        "atomic_ref",
                        "mutex",
                        "recursive_mutex",
                        "timed_mutex",
                        "recursive_timed_mutex",
                        "shared_mutex",
                        "shared_timed_mutex",
                        "condition_variable",
                        "condition_variable_any",
                        "once_flag",
                        "thread",
                        "jthread",
                        "future",
                        "shared_future",
                        "promise",
                        "counting_semaphore",
                        "latch",
                        "barrier",
                        "stop_source",
                        "stop_token"});
}

report::Location makeLocation(const SourceManager &sm, SourceLocation loc) {
  report::Location out;
  if (loc.isInvalid())
    return out;
  loc = sm.getFileLoc(loc);
  auto [fid, offset] = sm.getDecomposedLoc(loc);
  llvm::SmallString<256> path(sm.getFilename(loc));
  if (!path.empty())
    llvm::sys::fs::make_absolute(path);
  llvm::sys::path::remove_dots(path, true);
  out.file = std::string(path);
  out.line = static_cast<int>(sm.getLineNumber(fid, offset));
  out.column = static_cast<int>(sm.getColumnNumber(fid, offset));
  bool invalid = false;
  llvm::StringRef buf = sm.getBufferData(fid, &invalid);
  if (!invalid) {
    // rfind looks before `offset` only: a location in column 1 starts its own line.
    size_t begin = buf.rfind('\n', offset);
    begin = begin == llvm::StringRef::npos ? 0 : begin + 1;
    size_t end = buf.find('\n', offset);
    out.snippet = buf.slice(begin, end).trim().str();
  }
  return out;
}

} // namespace weft::analyzer
