// Resolving the real functions behind the interceptors, and resolving the hot ones (memory
// intrinsics, free) early, on the main thread, before anything runs concurrently.
#include "interceptors/interceptor.h"
#include "interceptors/memory.h"
#include <dlfcn.h>

namespace weft {

void *resolve_real(const char *name, const char *version) {
  void *p = version ? dlvsym(RTLD_NEXT, name, version) : dlsym(RTLD_NEXT, name);
  if (!p)
    p = dlsym(RTLD_DEFAULT, name);
  return p;
}

// The linker defines these around the `weft_real` section (interceptor.h).
extern "C" const RealResolver __start_weft_real[] __attribute__((weak, visibility("hidden")));
extern "C" const RealResolver __stop_weft_real[] __attribute__((weak, visibility("hidden")));

void interceptors_init() {
  memory_interceptors_init();
  for (const RealResolver *r = __start_weft_real; r && r < __stop_weft_real; ++r)
    (*r)();
}

size_t interceptors_resolved() {
  size_t n = 0;
  for (const RealResolver *r = __start_weft_real; r && r < __stop_weft_real; ++r)
    ++n;
  return n;
}

} // namespace weft
