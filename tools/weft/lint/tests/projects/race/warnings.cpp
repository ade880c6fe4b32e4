// weft-expect: clean
// Code that draws compiler warnings (-Wall -Wextra -Wshadow): weft lint must stay silent about
// them, warnings are the compiler's business.
#include <cstdio>

static int unusedHelper(int x) {
  int shadowed = x;
  {
    int shadowed = 2;
    (void)shadowed;
  }
  int unused;
  return shadowed;
}

int warningsMain(int argc, char **) {
  if (argc = 3)
    std::printf("%d\n", unusedHelper(argc));
  return 0;
}
