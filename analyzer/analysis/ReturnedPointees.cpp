// Objects returned by the function that made them (see ReturnedPointees.h).
#include "ReturnedPointees.h"

#include <map>
#include <string>

namespace weft::analyzer {

void resolveReturnedPointees(ProgramFacts &program) {
  std::map<std::string, int> defined;
  for (int i = 0; i < static_cast<int>(program.bodies.size()); ++i)
    if (!program.bodies[i].linkName.empty())
      defined.emplace(program.bodies[i].linkName, i);
  for (const FunctionBody &b : program.bodies)
    for (const CallFilledPointee &cp : b.callFilledPointees) {
      std::string target;
      bool ok = true;
      for (const OutTarget &t : cp.calls) {
        int fn = t.fn;
        if (fn < 0)
          if (auto it = defined.find(t.link); it != defined.end())
            fn = it->second;
        const std::string returned = fn >= 0 ? program.bodies[fn].returnedPointee : "";
        ok = !returned.empty() && (target.empty() || target == returned);
        if (!ok)
          break;
        target = returned;
      }
      if (ok && !target.empty() && target != cp.pointee)
        program.pointeeAliases[cp.pointee] = target;
    }
  // `a = make(); ... return a;` called as `b = wrap();`: b's object is make()'s.
  for (auto &[from, to] : program.pointeeAliases)
    for (int hop = 0; hop < 8; ++hop) {
      auto it = program.pointeeAliases.find(to);
      if (it == program.pointeeAliases.end() || it->second == from)
        break;
      to = it->second;
    }
}

} // namespace weft::analyzer
