// The one shape of every interceptor (after TSan's INTERCEPTOR macro): WEFT_INTERCEPTOR declares the
// exported wrapper and a pointer to the real function, resolved with dlsym(RTLD_NEXT) (or dlvsym for
// versioned symbols such as pthread_cond_*@GLIBC_2.3.2). Every interceptor also puts its resolver
// into the `weft_real` section, so interceptors_init() resolves them all at start-up, on the main
// thread: a first call later (a library's constructor, a dlopen'ed module) must not run dlsym while
// it holds the baton. A call that comes before start-up still resolves on first use.
// The wrappers are weak: a program that defines one of these functions itself (a custom allocator's
// `free`) links with the whole archive, and its own definition is the one called (not intercepted). A body is
// always: enter-guard (active_thread(): not under control, or already inside the runtime -> call the
// real function) -> pre-hook (scheduling point, detectors) -> real call or model -> post-hook.
#pragma once
#include "core/rt.h"

namespace weft {
using RealResolver = void (*)();
void *resolve_real(const char *name, const char *version);
void interceptors_init();
/// Number of interceptors whose real function interceptors_init() resolves (tests).
size_t interceptors_resolved();
} // namespace weft

/// An exported, weak definition of a C library function (see the weak note above).
#define WEFT_INTERPOSE extern "C" __attribute__((visibility("default"), weak))

#define WEFT_RET_PC() reinterpret_cast<uintptr_t>(__builtin_return_address(0))

#define WEFT_INTERCEPTOR_VERSIONED(ret, name, version, ...)                                              \
  namespace weft::real {                                                                               \
  using name##_t = ret (*)(__VA_ARGS__);                                                               \
  inline name##_t name##_ptr;                                                                          \
  inline name##_t name() {                                                                             \
    if (!name##_ptr) name##_ptr = reinterpret_cast<name##_t>(::weft::resolve_real(#name, version));    \
    return name##_ptr;                                                                                 \
  }                                                                                                    \
  inline void name##_resolve() { (void)name(); }                                                       \
  [[gnu::used, gnu::section("weft_real")]] static constexpr ::weft::RealResolver name##_entry =        \
      &name##_resolve;                                                                                 \
  }                                                                                                    \
  WEFT_INTERPOSE ret name(__VA_ARGS__)

#define WEFT_INTERCEPTOR(ret, name, ...) WEFT_INTERCEPTOR_VERSIONED(ret, name, nullptr, __VA_ARGS__)

/// The real function (resolved lazily).
#define WEFT_REAL(name) (::weft::real::name())
