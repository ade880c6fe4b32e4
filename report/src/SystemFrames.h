// Which stack frames belong to the C and C++ runtime (std::thread's trampolines, start_thread):
// they tell the user nothing they can act on, so the text and HTML views fold a run of them into
// one line. JSON and SARIF keep every frame.
#pragma once
#include "weft/report/Report.h"

namespace weft::report::detail {

inline bool isSystemFrame(const StackFrame &f) {
  const std::string &path = f.location.file.empty() ? f.module : f.location.file;
  return path.rfind("/usr/", 0) == 0 || path.rfind("/lib/", 0) == 0 ||
         path.rfind("/lib64/", 0) == 0;
}

/// Calls frame(i) for each frame the user should see and folded(i, n) for each run of n system
/// frames starting at i.
template <class Frame, class Folded>
void forEachFoldedFrame(const std::vector<StackFrame> &frames, Frame frame, Folded folded) {
  for (size_t i = 0; i < frames.size(); ++i) {
    if (!isSystemFrame(frames[i])) {
      frame(i);
      continue;
    }
    size_t end = i;
    while (end < frames.size() && isSystemFrame(frames[end]))
      ++end;
    folded(i, end - i);
    i = end - 1;
  }
}

/// "1 frame in system libraries", "3 frames in system libraries".
inline std::string foldedFramesText(size_t n) {
  return std::to_string(n) + (n == 1 ? " frame" : " frames") + " in system libraries";
}

} // namespace weft::report::detail
