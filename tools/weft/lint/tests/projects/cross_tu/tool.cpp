// A second executable in the same build: its own main, using the same stats module from one
// thread only. It is a program of its own, not a third thread of main.cpp's.
#include "stats.h"

int main() {
  record_visit();
  record_error();
}
