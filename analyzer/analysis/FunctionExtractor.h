// The extraction of one function body (BodyExtraction.h): FunctionExtractor.cpp turns the CFG's
// statements into events, ExtractBranches.cpp its branch conditions into edge facts,
// ExtractOnce.cpp the flags that start a thread once, ExtractorScope.cpp gathers what the
// statements refer to (aliases, fences, guards' locks, thread handles), AccessWalk.cpp records the
// memory accesses and anchors each at the CFG statement whose state it is seen with. Private to the
// analyser.
#pragma once

#include "BodyExtraction.h"
#include "LockModel.h"
#include "Naming.h"
#include "Ownership.h"
#include "ThreadModel.h"
#include "ValueFlowExtraction.h"

#include "clang/AST/ParentMap.h"
#include "clang/Analysis/CFG.h"

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace weft::analyzer {

/// The identity of an RAII guard variable within its function (HeldLock::guard).
inline std::uintptr_t guardId(const clang::VarDecl *vd) {
  return reinterpret_cast<std::uintptr_t>(vd);
}

class FunctionExtractor {
public:
  FunctionExtractor(BodyExtractor &b, const clang::FunctionDecl *fd, FunctionBody &out);
  void run();

private:
  // Setup (ExtractorScope.cpp, with the helpers below).
  void collectAliases(const clang::Stmt *s);
  void collectFences(const clang::Stmt *s);
  void collectLocals(const clang::Stmt *body);
  void collectGuards(const clang::Stmt *s);
  void findLoopJoins(const clang::Stmt *s);
  // Values owned for a while: fresh allocations, objects taken out of shared structures, pointer
  // parameters given such (ExtractFresh.cpp).
  struct Owner {
    Owned kind = Owned::No;
    int param = -1; ///< owned when the caller handed parameter `param` (or kThis) an owned value
    /// Pointer fields the way from the owner crosses (`t->pool->n`: `f:thread::pool`): what
    /// they point to is the owner's only if they only ever hold fresh allocations (decided
    /// once the program is linked: ProgramFacts::freshFields).
    std::vector<std::string> through;
  };
  void collectFresh(const clang::Stmt *body);
  /// Who owns what `e` reaches (through its pointer chain's root variable, at `e`'s position);
  /// `throughOnly`: only what is reached through a pointer, not the root pointer itself;
  /// `atHandOver`: `e` is where the window ends (the owner hands the object over right there).
  Owner ownerOf(const clang::Expr *e, bool throughOnly, bool atHandOver = false) const;
  /// `&args[i]` handed to a call in a loop counting i: element i is owned until then.
  void noteElementHandOver(const clang::Stmt *s);
  // Out-parameters (ExtractOutParams.cpp).
  /// What the function stores through its `T **` parameters (FunctionBody::outParams).
  void collectOutParams(const clang::Stmt *body);
  /// The out-parameter `e` is passed as, when `e` is an argument of a call to an analysable
  /// function whose parameter there is a `T **`.
  std::optional<OutTarget> outArgument(const clang::Expr *e);
  // Threads started at most once (ExtractOnce.cpp).
  /// The flag of `if (flag == idle) { flag = <not idle>; ... }` around `creation`: fills
  /// ThreadSite::guardFlag and guardIdle when there is one.
  void setGuardFlag(const clang::Stmt *creation, ThreadSite &site);
  /// Its writes of flag-like globals and fields (FunctionBody::flagWrites).
  void collectFlagWrites(const clang::Stmt *body);
  /// The objects stored into pointer fields (FunctionBody::fieldStores; ExtractFieldStores.cpp).
  void collectFieldStores(const clang::Stmt *body);
  /// The local whose object every return gives, and locals given only call results
  /// (FunctionBody::returnedPointee, callFilledPointees; ExtractReturns.cpp).
  void collectReturns(const clang::Stmt *body);
  /// A branch comparing a flag-like global or field with a constant: EdgeFact::FlagIdle on the
  /// edge where it holds that constant.
  void flagEdge(const clang::Expr *cond, Block &out);
  /// A branch testing a by-value parameter against a constant (Block::paramTest).
  void paramTest(const clang::Expr *cond, Block &out);
  bool isParamModified(const clang::ParmVarDecl *pd);
  // Condition hand-offs (ExtractWaits.cpp).
  /// The fields and globals `cond` reads.
  std::vector<ObjRef> conditionObjects(const clang::Stmt *cond);
  /// A loop waiting on a condition variable until its condition is false: the exit edge
  /// acquires what the condition reads.
  void waitLoopExit(const clang::CFGBlock &blk, Block &out);
  /// `cv.wait(lock, pred)`: after it, what the predicate reads is acquired.
  void predicateWait(const clang::CallExpr *call, Block &out);
  /// Records in `b` that the call hands parameter `param` (or Bindings::kThis) an owned object.
  void handOver(Bindings &b, int param, const clang::Expr *arg) const;
  // Statements to events (FunctionExtractor.cpp, branches in ExtractBranches.cpp).
  void convertBlock(const clang::CFGBlock &blk, Block &out);
  void element(const clang::CFGElement &el, Block &out);
  void statement(const clang::Stmt *s, Block &out);
  void call(const clang::CallExpr *call, Block &out);
  void create(const clang::Stmt *s, const SyncOp &op, Block &out);
  void detach(const clang::Stmt *s, const SyncOp &op, Block &out);
  /// Fills thread site `site` (just registered) for a creation running `entry`.
  ThreadSite &fillSite(int site, const ThreadEntry &entry, const report::Location &at,
                       std::string handle);
  void guardCtor(const clang::Stmt *s, const SyncOp &op, Block &out);
  bool annotations(const clang::CallExpr *call, const clang::FunctionDecl *callee,
                   const Bindings &bind, Block &out);
  bool addCall(const clang::FunctionDecl *callee, const Bindings &bind, const clang::Stmt *at,
               Block &out, ObjRef extraLock = {});
  void lambdaArgs(const clang::CallExpr *call, Block &out);
  /// A call through a value (ValueFlow.h); false when `call` is not one.
  bool invoke(const clang::CallExpr *call, Block &out);
  /// The callables `args` hand to `callee`'s callable parameters (CallOp::callables).
  std::map<int, CallableArg> callables(const clang::FunctionDecl *callee, const clang::Stmt *at,
                                       llvm::ArrayRef<const clang::Expr *> args);
  void branch(const clang::CFGBlock &blk, Block &out);
  Bindings bindCall(const clang::FunctionDecl *callee, const clang::Expr *object, bool arrow,
                    llvm::ArrayRef<const clang::Expr *> args);
  SyncOp syncOf(const clang::Stmt *s) const;
  // Accesses (AccessWalk.cpp).
  void walk(const clang::Stmt *s);
  void record(const clang::Expr *at, const ObjRef &r, clang::QualType t, bool write,
              bool atomic = false);
  void recordExpr(const clang::Expr *e, bool write);
  void libraryArgs(const clang::CallExpr *ce, unsigned firstArg);

  // Helpers.
  void emit(Block &out, Event::Kind kind, int index) { out.events.push_back({kind, index}); }
  template <class T> int add(std::vector<T> &table, T value) {
    table.push_back(std::move(value));
    return static_cast<int>(table.size()) - 1;
  }
  report::Location loc(clang::SourceLocation l) const { return makeLocation(sm_, l); }
  /// A position in the main file, as the ownership windows compare them.
  unsigned offsetOf(clang::SourceLocation l) const;
  ObjRef refOfDecl(const clang::VarDecl *vd) const { return refOfVar(vd, scope_); }
  ObjRef lockRef(const clang::Expr *e, bool viaPointer) const {
    return viaPointer || e->getType()->isPointerType() ? pointeeOf(e, scope_) : refOf(e, scope_);
  }
  bool isRecursive(const clang::Expr *lock, const ObjRef &r) const {
    return isRecursiveMutexType(lock->getType()) || b_.isRecursiveLock(r.name);
  }
  std::string handleKey(const ObjRef &r) const {
    if (!r.valid())
      return "";
    return r.kind == ObjRef::Local ? r.inst : r.name;
  }
  std::string joinKey(const clang::Stmt *s, const SyncOp &op) const;
  std::string handleOfCreation(const clang::Stmt *s, const SyncOp &op, std::string *assigned);
  const clang::VarDecl *declaredVar(const clang::Stmt *s) const;
  const clang::VarDecl *guardVar(const clang::Expr *e) const;
  bool inLoop(const clang::Stmt *s) const;
  std::vector<LockUse> guardLocksOf(const clang::VarDecl *g) const;
  /// A constructor of a SCOPED_CAPABILITY class annotated ACQUIRE(...), and the locks it takes.
  bool scopedCapabilityCtor(const clang::CXXConstructExpr *ce) const;
  std::vector<LockUse> scopedCapabilityLocks(const clang::CXXConstructExpr *ce);
  /// The project's own unannotated guard classes (ProjectGuards.cpp): which constructor parameter
  /// holds the lock, and the lock class's method that takes it (none: taken directly).
  struct ProjectGuard {
    int param = -1;
    const clang::CXXMethodDecl *method = nullptr;
    const clang::Stmt *inner = nullptr; ///< that method's own lock statement
  };
  static bool projectGuardCtor(const clang::CXXConstructorDecl *ctor, ProjectGuard *out);
  std::vector<LockUse> projectGuardLocks(const clang::CXXConstructExpr *ce, const ProjectGuard &g);
  /// A method of the project's own mutex class that takes a member lock and keeps it (Lock()).
  static bool projectLockMethod(const clang::FunctionDecl *fd);
  /// Either kind of guard constructor, with its locks.
  bool guardConstruction(const clang::CXXConstructExpr *ce, std::vector<LockUse> *locks);

  BodyExtractor &b_;
  clang::ASTContext &ctx_;
  const clang::SourceManager &sm_;
  const clang::FunctionDecl *fd_;
  FunctionBody &out_;
  NamingScope scope_;
  ValueFlowExtractor flows_;
  std::unique_ptr<clang::CFG> cfg_;
  std::unique_ptr<clang::ParentMap> pm_;
  llvm::DenseMap<const clang::Expr *, const clang::FieldDecl *> ctorInitField_;
  llvm::DenseMap<const clang::VarDecl *, std::vector<LockUse>> guardLocks_;
  llvm::DenseMap<const clang::ParmVarDecl *, bool> paramModified_;
  /// Pointers holding an owned value: from where it is given to where it first escapes or is
  /// replaced (file offsets), once per value; a pointer parameter from the function's start.
  struct OwnedWindow {
    unsigned from, to;
    Owned kind;
    int param; ///< a parameter's window: owned when the caller handed it an owned value
    std::vector<std::string> through; ///< given what the owner reaches through these (Owner)
  };
  llvm::DenseMap<const clang::VarDecl *, std::vector<OwnedWindow>> owned_;
  /// The same for the pointer a `T **` variable points at (`*table = new Table(rep);
  /// (*table)->ReadMeta()`): windows of `*p`, keyed by `p`.
  llvm::DenseMap<const clang::VarDecl *, std::vector<OwnedWindow>> ownedSlots_;
  /// Elements `a[i]` handed over by `&a[i]` in a loop counting i: from the loop's start to there.
  std::map<std::pair<const clang::VarDecl *, const clang::VarDecl *>,
           std::vector<std::pair<unsigned, unsigned>>>
      elements_;
  /// CFG statements (the points the lockset pass sees), and the accesses anchored at each.
  llvm::DenseMap<const clang::Stmt *, std::vector<int>> anchored_;
  std::set<std::string> seenAccess_;
  struct Fence {
    unsigned offset;
    MemoryOrder order;
  };
  std::vector<Fence> fences_;
  /// Joins of a container of threads inside a loop (`for (auto &t : ts) t.join()`): after the
  /// loop every thread of the container is joined, even on the zero-iteration path.
  std::vector<std::pair<int, clang::SourceLocation>> loopJoins_; ///< threads[] index, loop end
};

} // namespace weft::analyzer
