// The abstract state of the flow-sensitive lockset analysis at one program point, and its meet.
// A lock counts as held only if it is held on every path (`must`); `may` keeps the locks held on
// some path, which is what lock-leak and unlock-not-held need. Thread liveness rides along so
// that "between create and join" is computed by the same pass over the CFG.
#pragma once

#include "Model.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace weft::analyzer {

/// Same lock object, as far as the analysis can tell for certain (double-lock, release).
inline bool sameLock(const ObjRef &a, const ObjRef &b) {
  return a.name == b.name && a.inst == b.inst;
}

/// Lockset + thread liveness at a point, relative to the function's entry.
struct LockState {
  bool reached = false;
  std::vector<HeldLock> must;           ///< held on every path
  std::vector<HeldLock> may;            ///< held on some path
  std::vector<ObjRef> released;         ///< caller's locks let go here (on some path)
  std::set<int> live;                   ///< thread creation sites that may be running
  std::set<std::string> joined;         ///< handles joined on every path since entry
  std::set<int> ended;                  ///< sites not running on every path (Liveness::ended)
  std::map<std::string, bool> joinable; ///< std::thread locals: may be joinable here
  /// Locks a live RAII guard owns but that were unlocked by hand (`MutexLock l(&mu);
  /// mu.Unlock(); ...; mu.Lock();`): re-locked by hand, the guard owns them again.
  std::vector<std::pair<ObjRef, std::uintptr_t>> lent;

  /// Joins another path into this one (intersection for must-facts, union for may-facts).
  void meet(const LockState &o);
  bool operator==(const LockState &o) const;

  void acquire(const HeldLock &h);
  /// Releases every entry of `lock`; returns false when it was not held on any path. A lock not
  /// held here, or held as the caller's (REQUIRES), is recorded in `released`.
  bool release(const ObjRef &lock);
  /// Releases the entries owned by a guard object.
  void releaseGuard(std::uintptr_t guard);
  bool mustHold(const ObjRef &lock) const;
  bool mayHold(const ObjRef &lock) const;

  RelLocks rel() const { return {must, released}; }
  Liveness liveness() const { return {live, joined, ended}; }
};

} // namespace weft::analyzer
