// Resolving the real functions behind the interceptors, and resolving the hot ones (memory
// intrinsics, free) early, on the main thread, before anything runs concurrently.
#include "interceptors/interceptor.h"
#include "interceptors/memory.h"
#include <dlfcn.h>

namespace weft {

void *resolve_real(const char *name, const char *version) {
  void *p = version ? dlvsym(RTLD_NEXT, name, version) : dlsym(RTLD_NEXT, name);
  if (!p) p = dlsym(RTLD_DEFAULT, name);
  return p;
}

void interceptors_init() { memory_interceptors_init(); }

} // namespace weft
