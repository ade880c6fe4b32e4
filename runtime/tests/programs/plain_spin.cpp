// A thread spins on a plain (non-atomic) flag: a data race, and a loop with no scheduling point in
// it. Expect: the spinner gives way after a bounded number of accesses, the race is reported, the
// program completes (exit 0) instead of hanging.
#include <thread>
volatile int flag = 0;
int main() {
  std::thread spinner([] {
    while (!flag) {
    }
  });
  std::thread setter([] { flag = 1; });
  spinner.join();
  setter.join();
  return 0;
}
