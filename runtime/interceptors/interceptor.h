// The one shape of every interceptor (after TSan's INTERCEPTOR macro): WEFT_INTERCEPTOR declares the
// exported wrapper and a pointer to the real function, resolved on first use with
// dlsym(RTLD_NEXT) (or dlvsym for versioned symbols such as pthread_cond_*@GLIBC_2.3.2). A body is
// always: enter-guard (active_thread(): not under control, or already inside the runtime -> call the
// real function) -> pre-hook (scheduling point, detectors) -> real call or model -> post-hook.
#pragma once
#include "core/rt.h"

namespace weft {
void *resolve_real(const char *name, const char *version);
void interceptors_init();
} // namespace weft

#define WEFT_RET_PC() reinterpret_cast<uintptr_t>(__builtin_return_address(0))

#define WEFT_INTERCEPTOR_VERSIONED(ret, name, version, ...)                                              \
  namespace weft::real {                                                                               \
  using name##_t = ret (*)(__VA_ARGS__);                                                               \
  inline name##_t name##_ptr;                                                                          \
  inline name##_t name() {                                                                             \
    if (!name##_ptr) name##_ptr = reinterpret_cast<name##_t>(::weft::resolve_real(#name, version));    \
    return name##_ptr;                                                                                 \
  }                                                                                                    \
  }                                                                                                    \
  WEFT_EXPORT ret name(__VA_ARGS__)

#define WEFT_INTERCEPTOR(ret, name, ...) WEFT_INTERCEPTOR_VERSIONED(ret, name, nullptr, __VA_ARGS__)

/// The real function (resolved lazily).
#define WEFT_REAL(name) (::weft::real::name())
