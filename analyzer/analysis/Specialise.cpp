// Copies of functions per constant argument (see Specialise.h).
#include "Specialise.h"

#include <map>
#include <utility>

namespace weft::analyzer {

namespace {

using Constants = std::map<int, std::string>; ///< parameter index -> the constant passed

/// The constants of `call` that some branch of `callee` tests.
Constants decisive(const CallOp &call, const FunctionBody &callee) {
  Constants out;
  for (const auto &[param, value] : call.bind.values) {
    if (value.starts_with("p#"))
      continue; // the caller's own parameter, not a constant
    for (const Block &b : callee.blocks)
      if (b.paramTest.param == param) {
        out.emplace(param, value);
        break;
      }
  }
  return out;
}

/// `original` without the edges `constants` rule out.
FunctionBody specialised(const FunctionBody &original, int originalIndex,
                         const Constants &constants) {
  FunctionBody copy = original;
  copy.specialises = originalIndex;
  copy.linkName.clear(); // nothing links to a copy
  for (Block &b : copy.blocks) {
    auto it = constants.find(b.paramTest.param);
    if (it == constants.end() || b.succs.size() != 2)
      continue;
    const bool takesTrue = (it->second == b.paramTest.value) == b.paramTest.trueWhenEqual;
    b.succs[takesTrue ? 1 : 0] = -1;
  }
  return copy;
}

} // namespace

void specialiseConstantCalls(ProgramFacts &program) {
  const int originals = static_cast<int>(program.bodies.size());
  std::map<std::pair<int, Constants>, int> copies;
  std::vector<std::pair<std::pair<int, size_t>, int>> redirect; // (body, call) -> copy
  for (int f = 0; f < originals; ++f) {
    const FunctionBody &body = program.bodies[f];
    for (size_t c = 0; c < body.calls.size(); ++c) {
      const int callee = body.calls[c].callee;
      if (callee < 0 || callee >= originals || callee == f)
        continue;
      Constants k = decisive(body.calls[c], program.bodies[callee]);
      if (k.empty())
        continue;
      auto [it, fresh] =
          copies.try_emplace({callee, k}, originals + static_cast<int>(copies.size()));
      redirect.push_back({{f, c}, it->second});
    }
  }
  std::vector<FunctionBody> made(copies.size());
  for (const auto &[key, index] : copies)
    made[index - originals] = specialised(program.bodies[key.first], key.first, key.second);
  for (FunctionBody &b : made)
    program.bodies.push_back(std::move(b));
  for (const auto &[at, copy] : redirect)
    program.bodies[at.first].calls[at.second].callee = copy;
}

} // namespace weft::analyzer
