// A program killed with SIGKILL (here by itself, as an OOM killer or a user would): no signal
// handler runs, so only what the runtime streamed before the kill can tell what happened.
#include <csignal>
#include <mutex>
#include <thread>

std::mutex m;
int done = 0;

int main() {
  std::thread t([] {
    std::lock_guard<std::mutex> lock(m);
    ++done;
  });
  {
    std::lock_guard<std::mutex> lock(m);
    ++done;
  }
  t.join();
  raise(SIGKILL);
  return 0;
}
