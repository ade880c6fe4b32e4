// Binding substitution (see Substitution.h).
#include "Substitution.h"

#include <cstdlib>

namespace weft::analyzer {

namespace {

const ObjRef *bound(const std::string &root, const Bindings &b) {
  if (root == "this")
    return b.thisObj.valid() ? &b.thisObj : nullptr;
  if (root.starts_with("p#")) {
    auto it = b.params.find(std::atoi(root.c_str() + 2));
    return it == b.params.end() ? nullptr : &it->second;
  }
  return nullptr;
}

} // namespace

std::string identityString(const ObjRef &r) {
  if (!r.valid() || r.inst.empty())
    return "";
  if (r.kind == ObjRef::Field && !r.name.empty())
    return r.inst + "." + r.name;
  return r.inst;
}

bool isUnbound(const std::string &inst) {
  return inst.starts_with("this") || inst.starts_with("p#");
}

namespace {

/// `g:partial[p#1]` with parameter 1 bound to 0: `g:partial[0]`.
std::string bindIndices(std::string inst, const Bindings &b) {
  for (size_t at = inst.find("[p#"); at != std::string::npos; at = inst.find("[p#", at + 1)) {
    size_t end = inst.find(']', at);
    if (end == std::string::npos)
      break;
    auto it = b.values.find(std::atoi(inst.c_str() + at + 3));
    if (it != b.values.end())
      inst.replace(at + 1, end - at - 1, it->second);
  }
  return inst;
}

ObjRef substituteRoot(const ObjRef &r, const Bindings &b, bool *foreign);

} // namespace

ObjRef substitute(const ObjRef &r, const Bindings &b, bool *foreign) {
  ObjRef out = substituteRoot(r, b, foreign);
  if (!b.values.empty() && out.inst.find("[p#") != std::string::npos)
    out.inst = bindIndices(std::move(out.inst), b);
  return out;
}

namespace {

ObjRef substituteRoot(const ObjRef &r, const Bindings &b, bool *foreign) {
  if (r.inst.starts_with("n:")) {
    // What a field of a bound object points to (`n:p#1.Hash::head`): bind the holder.
    ObjRef holder = r;
    holder.kind = ObjRef::Field;
    holder.inst = r.inst.substr(2);
    ObjRef bound = substitute(holder, b, foreign);
    if (bound.inst == holder.inst)
      return r;
    ObjRef out = r;
    out.inst = bound.inst.empty() ? "" : "n:" + bound.inst;
    return out;
  }
  size_t dot = r.inst.find_first_of(".[");
  std::string root = r.inst.substr(0, dot);
  std::string rest = dot == std::string::npos ? "" : r.inst.substr(dot);
  const ObjRef *to = bound(root, b);
  if (!to)
    return r;
  if (r.kind == ObjRef::ParamTarget && rest.empty()) {
    if (foreign && to->kind == ObjRef::Local)
      *foreign = true;
    return *to;
  }
  ObjRef out = r;
  std::string id = identityString(*to);
  out.inst = id.empty() ? "" : id + rest;
  if (foreign && to->kind == ObjRef::Local)
    *foreign = true;
  return out;
}

} // namespace

std::vector<HeldLock> substitute(std::vector<HeldLock> locks, const Bindings &b) {
  for (HeldLock &h : locks)
    h.lock = substitute(h.lock, b);
  return locks;
}

} // namespace weft::analyzer
