// fork() while a second thread exists: the child runs uncontrolled (it has only one thread) and
// stays off the parent's event stream. Expect: exit 0, no finding, one `exit` line.
#include <mutex>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
std::mutex m;
int value = 0;
int main() {
  std::thread t([] {
    std::lock_guard<std::mutex> g(m);
    value = 1;
  });
  pid_t pid = fork();
  if (pid == 0) {
    std::lock_guard<std::mutex> g(m);
    _exit(0);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  t.join();
  return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : 1;
}
