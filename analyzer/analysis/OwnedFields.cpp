// Ownership through pointer fields (see OwnedFields.h).
#include "OwnedFields.h"

#include <algorithm>

namespace weft::analyzer {

namespace {

bool allFresh(const std::vector<std::string> &fields, const std::set<std::string> &fresh) {
  return std::all_of(fields.begin(), fields.end(),
                     [&](const std::string &f) { return fresh.count(f) > 0; });
}

} // namespace

void settleOwnedFields(ProgramFacts &program) {
  const std::set<std::string> &fresh = program.ownedFields;
  for (FunctionBody &b : program.bodies) {
    for (AccessOp &a : b.accesses)
      if (!allFresh(a.ownedThrough, fresh)) {
        a.owned = false;
        a.ownedParam = -1;
      }
    for (CallOp &c : b.calls) {
      for (const auto &[param, fields] : c.bind.handedThrough)
        if (!allFresh(fields, fresh))
          c.bind.handed.erase(param);
      c.bind.handedThrough.clear();
    }
  }
}

} // namespace weft::analyzer
