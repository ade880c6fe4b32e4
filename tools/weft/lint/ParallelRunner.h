// Runs independent jobs on a fixed number of worker threads, each taking the next job when it
// finishes one, so one slow translation unit does not hold back a precomputed share of others.
#pragma once

#include <cstddef>
#include <functional>

namespace weft::lint {

/// Calls `work(i)` once for every i in [0, count) on min(threads, count) threads (at least one)
/// and returns when all are done. `work` must be safe to call concurrently for different i.
void runParallel(std::size_t count, unsigned threads, const std::function<void(std::size_t)> &work);

/// The default for -j: every core the process may use.
unsigned defaultParallelism();

} // namespace weft::lint
