// Issue 14 item 10: longjmp and siglongjmp (from nested calls and from a signal handler) leave
// frames without returning through them, and an exception caught in an outer frame unwinds
// them. The worker leaves three nested frames each way, then races on `counter` with main: the
// race's stacks must hold bump() and the threads' functions only, not the frames left behind.
#include <csetjmp>
#include <csignal>
#include <thread>

jmp_buf env;
sigjmp_buf signal_env;
int counter;

void on_signal(int) { siglongjmp(signal_env, 1); }

__attribute__((noinline)) void leave3(int how) {
  if (how == 0)
    longjmp(env, 1);
  if (how == 1)
    siglongjmp(signal_env, 1);
  if (how == 2)
    raise(SIGUSR1);
  throw how;
}
__attribute__((noinline)) void leave2(int how) { leave3(how); }
__attribute__((noinline)) void leave1(int how) { leave2(how); }

__attribute__((noinline)) void bump() { counter++; }

void work() {
  if (!setjmp(env))
    leave1(0);
  if (!sigsetjmp(signal_env, 1))
    leave1(1);
  signal(SIGUSR1, on_signal);
  if (!sigsetjmp(signal_env, 1))
    leave1(2);
  try {
    leave1(3);
  } catch (int) {
  }
  bump();
}

int main() {
  std::thread worker(work);
  bump();
  worker.join();
  return 0;
}
