// Memory intrinsics and free: resolved eagerly because they are called from everywhere, including
// from the dynamic linker's callers before the runtime starts.
#pragma once
namespace weft {
void memory_interceptors_init();
}
