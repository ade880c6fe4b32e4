// C++ exceptions: __cxa_throw keeps the throw's stack, and the SIGABRT handler asks the C++ ABI
// which exception is being handled when std::terminate aborts, so an uncaught exception is
// reported as `uncaught exception std::runtime_error: "queue full"` at its throw expression.
// The runtime is built without exceptions or RTTI and links nothing from libstdc++: the ABI's
// functions and std::exception's type_info are looked up at start-up (null in a C program), and the
// two virtual calls go through the Itanium ABI's fixed vtable slots.
#include "detectors/detectors.h"
#include "interceptors/interceptor.h"

namespace weft::real {
using current_type_t = const void *(*)();
/// std::current_exception(): its std::exception_ptr (one pointer, the thrown object; it has a
/// destructor, so it is returned through a hidden pointer to the caller's storage).
using current_object_t = void (*)(void **result);
inline current_type_t cxa_current_exception_type;
inline current_object_t current_exception;
inline const void *std_exception_type;
inline void cxx_abi_resolve() {
  cxa_current_exception_type =
      reinterpret_cast<current_type_t>(resolve_real("__cxa_current_exception_type", nullptr));
  current_exception = reinterpret_cast<current_object_t>(
      resolve_real("_ZSt17current_exceptionv", nullptr));         // std::current_exception()
  std_exception_type = resolve_real("_ZTISt9exception", nullptr); // typeinfo for std::exception
}
[[gnu::used, gnu::section("weft_real")]] static constexpr RealResolver cxx_abi_entry =
    &cxx_abi_resolve;
} // namespace weft::real

using namespace weft;

WEFT_INTERCEPTOR(void, __cxa_throw, void *obj, void *type, void (*destructor)(void *)) {
  if (ThreadState *t = active_thread()) {
    RtScope scope(t); // the depot may copy
    t->throw_obj = reinterpret_cast<uintptr_t>(obj);
    t->throw_stack = thread_stack_id_with_pc(t, WEFT_RET_PC());
  }
  WEFT_REAL(__cxa_throw)(obj, type, destructor);
  __builtin_unreachable();
}

namespace weft {

namespace {
/// A type_info: its vtable, then its mangled name (a leading '*' marks a name that is unique to
/// its module).
using VirtualFn = void (*)();
struct TypeInfo {
  const VirtualFn *vtable;
  const char *name;
};
// Itanium ABI vtable slots after the two destructors: type_info's __is_pointer_p,
// __is_function_p, __do_catch; std::exception's what().
constexpr int kDoCatchSlot = 4, kWhatSlot = 2;
using DoCatchFn = bool (*)(const void *self, const void *thrown, void **obj, unsigned outer);
using WhatFn = const char *(*)(const void *self);
} // namespace

bool current_exception(ThreadState *t, CurrentException *out) {
  if (!real::cxa_current_exception_type || !real::current_exception)
    return false;
  const TypeInfo *type = static_cast<const TypeInfo *>(real::cxa_current_exception_type());
  if (!type || !type->name)
    return false;
  out->type = type->name[0] == '*' ? type->name + 1 : type->name;
  void *obj = nullptr;
  real::current_exception(&obj); // its reference is never dropped: the process is ending
  out->throw_stack =
      t && obj && t->throw_obj == reinterpret_cast<uintptr_t>(obj) ? t->throw_stack : 0;
  out->what = nullptr;
  if (const auto *base = static_cast<const TypeInfo *>(real::std_exception_type); base && obj) {
    void *adjusted = obj; // __do_catch moves it to the std::exception base when there is one
    auto do_catch = reinterpret_cast<DoCatchFn>(base->vtable[kDoCatchSlot]);
    if (do_catch(base, type, &adjusted, 1)) {
      const VirtualFn *vtable = *static_cast<const VirtualFn *const *>(adjusted);
      auto what = reinterpret_cast<WhatFn>(vtable[kWhatSlot]);
      if (t)
        ++t->in_rt; // an instrumented what() is not a program access of this run
      out->what = what(adjusted);
      if (t)
        --t->in_rt;
    }
  }
  return true;
}

} // namespace weft
