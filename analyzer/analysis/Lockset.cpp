// Meet and updates of LockState (see Lockset.h).
#include "Lockset.h"

#include <algorithm>

namespace weft::analyzer {

namespace {

bool sameEntry(const HeldLock &a, const HeldLock &b) {
  return sameLock(a.lock, b.lock) && a.guard == b.guard && a.shared == b.shared;
}

bool sameEntries(const std::vector<HeldLock> &a, const std::vector<HeldLock> &b) {
  if (a.size() != b.size())
    return false;
  for (const HeldLock &h : a)
    if (std::none_of(b.begin(), b.end(), [&](const HeldLock &o) { return sameEntry(h, o); }))
      return false;
  return true;
}

} // namespace

void LockState::meet(const LockState &o) {
  if (!o.reached)
    return;
  if (!reached) {
    *this = o;
    return;
  }
  std::erase_if(must, [&](const HeldLock &h) {
    return std::none_of(o.must.begin(), o.must.end(),
                        [&](const HeldLock &x) { return sameEntry(h, x); });
  });
  for (const HeldLock &h : o.may)
    if (std::none_of(may.begin(), may.end(), [&](const HeldLock &x) { return sameEntry(h, x); }))
      may.push_back(h);
  for (const ObjRef &r : o.released)
    if (std::find(released.begin(), released.end(), r) == released.end())
      released.push_back(r);
  live.insert(o.live.begin(), o.live.end());
  std::erase_if(joined, [&](const std::string &h) { return !o.joined.count(h); });
  std::erase_if(ended, [&](int site) { return !o.ended.count(site); });
  for (const auto &[k, v] : o.joinable)
    joinable[k] = joinable[k] || v;
  for (const auto &l : o.lent)
    if (std::find(lent.begin(), lent.end(), l) == lent.end())
      lent.push_back(l);
}

bool LockState::operator==(const LockState &o) const {
  return reached == o.reached && sameEntries(must, o.must) && sameEntries(may, o.may) &&
         released.size() == o.released.size() && live == o.live && joined == o.joined &&
         ended == o.ended && joinable == o.joinable && lent.size() == o.lent.size();
}

void LockState::acquire(const HeldLock &h) {
  must.push_back(h);
  may.push_back(h);
}

bool LockState::release(const ObjRef &lock) {
  bool held = mayHold(lock);
  auto match = [&](const HeldLock &h) { return sameLock(h.lock, lock); };
  // A recursive mutex locked twice stays held after one unlock: drop only one entry.
  auto it = std::find_if(must.begin(), must.end(), match);
  if (it != must.end() && it->recursive && std::count_if(must.begin(), must.end(), match) > 1) {
    must.erase(it);
    return true;
  }
  // A guard's lock unlocked by hand: lent until the guard ends or it is locked again.
  for (const HeldLock &h : may)
    if (match(h) && h.guard > guard::Sync &&
        std::none_of(lent.begin(), lent.end(), [&](const auto &l) { return l.second == h.guard; }))
      lent.emplace_back(h.lock, h.guard);
  // Letting go of the caller's lock (held since entry by REQUIRES) releases it for the caller too.
  const bool callersLock = std::any_of(may.begin(), may.end(), [&](const HeldLock &h) {
    return match(h) && h.guard == guard::Requires;
  });
  std::erase_if(must, match);
  std::erase_if(may, match);
  if ((!held || callersLock) && std::find(released.begin(), released.end(), lock) == released.end())
    released.push_back(lock);
  return held;
}

void LockState::releaseGuard(std::uintptr_t guard) {
  std::erase_if(lent, [&](const auto &l) { return l.second == guard; });
  std::erase_if(must, [&](const HeldLock &h) { return h.guard == guard; });
  std::erase_if(may, [&](const HeldLock &h) { return h.guard == guard; });
}

bool LockState::mustHold(const ObjRef &lock) const {
  return std::any_of(must.begin(), must.end(),
                     [&](const HeldLock &h) { return sameLock(h.lock, lock); });
}

bool LockState::mayHold(const ObjRef &lock) const {
  return std::any_of(may.begin(), may.end(),
                     [&](const HeldLock &h) { return sameLock(h.lock, lock); });
}

} // namespace weft::analyzer
