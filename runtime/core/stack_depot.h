// Interns call stacks (arrays of return addresses) into small ids so every shadow slot can name the
// stack of its access for a race report without copying it (TSan's StackDepot, much simplified).
#pragma once
#include <cstdint>

namespace weft {

constexpr uint32_t kMaxStackDepth = 64;

/// Id of the stack pcs[0..n) (innermost first); 0 is the empty stack.
uint32_t depot_put(const uintptr_t *pcs, uint32_t n);
/// The stored stack for an id; n = 0 for unknown ids.
const uintptr_t *depot_get(uint32_t id, uint32_t *n);

} // namespace weft
