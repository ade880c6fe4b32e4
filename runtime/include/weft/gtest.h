// GoogleTest under `weft run`. Include this header in one file of a test binary built with
// weft-c++ (or weft_instrument()); then, in a run that weft controls, every failed EXPECT_* or
// ASSERT_* ends the run as an `assertion-failure` finding that carries GoogleTest's message, the
// failing thread's stack and the schedule. So
//
//   weft run --iterations 1000 -o r.json -- ./tests --gtest_filter=Queue.ConcurrentPush
//
// explores the test's interleavings until one fails it, and `weft replay r.json -- ./tests ...`
// brings that interleaving back, under a debugger if need be. Outside weft it does nothing: the
// binary runs as a plain GoogleTest binary. See docs/run.md, "Unit tests".
#pragma once

#include <weft/weft.h>

#include <gtest/gtest.h>

#include <string>

namespace weft {

/// Turns the first failed assertion of a controlled run into a weft finding (weft_fail). Without
/// it a failed expectation only makes the test binary exit with status 1, which weft does not
/// count as a failure (a program's exit status is its own business).
class GTestFailureListener : public ::testing::EmptyTestEventListener {
public:
  void OnTestPartResult(const ::testing::TestPartResult &result) override {
    if (!result.failed() || !weft_controlled())
      return;
    // "path:line: " places the finding at the failed assertion (the stack shows only
    // GoogleTest's frames); the summary's lines become one.
    std::string message = std::string(result.file_name() ? result.file_name() : "unknown file") +
                          ":" + std::to_string(result.line_number()) + ": ";
    bool space = true;
    for (const char *c = result.summary(); c && *c; ++c) {
      bool blank = *c == ' ' || *c == '\n' || *c == '\t';
      if (blank && space)
        continue;
      message += blank ? ' ' : *c;
      space = blank;
    }
    weft_fail(message.c_str());
  }
};

namespace detail {
/// Registers the listener once per binary, before main runs the tests.
inline const bool gtest_failure_listener_registered = [] {
  ::testing::UnitTest::GetInstance()->listeners().Append(new GTestFailureListener);
  return true;
}();
} // namespace detail

} // namespace weft
