// Which out-parameters give only fresh objects (see OutParams.h).
#include "OutParams.h"

#include "Linker.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

namespace weft::analyzer {

namespace {

class FreshOutParams {
public:
  explicit FreshOutParams(const ProgramFacts &p) : overriders_(overridersOf(p)) {
    for (int i = 0; i < static_cast<int>(p.bodies.size()); ++i) {
      if (!p.bodies[i].linkName.empty())
        defined_.emplace(p.bodies[i].linkName, i);
      for (const OutParam &op : p.bodies[i].outParams)
        params_[{i, op.param}] = {&op, !op.storesOther};
    }
    // Greatest fixed point: drop a parameter handed on to one that may give something else,
    // until none is dropped.
    for (bool changed = true; changed;) {
      changed = false;
      for (auto &[key, entry] : params_)
        if (entry.second && !std::all_of(entry.first->forwards.begin(), entry.first->forwards.end(),
                                         [&](const OutTarget &t) { return givesFresh(t); })) {
          entry.second = false;
          changed = true;
        }
    }
  }

  /// Every function the call may run gives only fresh objects through that parameter.
  bool givesFresh(const OutTarget &t) const {
    std::set<int> callees;
    if (t.fn >= 0)
      callees.insert(t.fn);
    else if (auto it = defined_.find(t.link); it != defined_.end())
      callees.insert(it->second);
    if (t.isVirtual)
      if (auto it = overriders_.find(t.link); it != overriders_.end())
        callees.insert(it->second.begin(), it->second.end());
    return !callees.empty() && std::all_of(callees.begin(), callees.end(), [&](int fn) {
      auto it = params_.find({fn, t.param});
      return it != params_.end() && it->second.second;
    });
  }

private:
  std::map<std::string, std::vector<int>> overriders_;
  std::map<std::string, int> defined_;
  /// (function, parameter) -> its facts, and whether it gives only fresh objects so far.
  std::map<std::pair<int, int>, std::pair<const OutParam *, bool>> params_;
};

} // namespace

void resolveOutParams(ProgramFacts &program) {
  const FreshOutParams fresh(program);
  for (FunctionBody &b : program.bodies)
    for (const FilledPointee &fp : b.filledPointees)
      if (std::all_of(fp.fills.begin(), fp.fills.end(),
                      [&](const OutTarget &t) { return fresh.givesFresh(t); }))
        b.ownedPointees.push_back(fp.pointee);
}

} // namespace weft::analyzer
