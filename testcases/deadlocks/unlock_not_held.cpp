// weft-expect: unlock-not-held
//
// An error path unlocks a std::mutex that was already unlocked.
#include <mutex>
#include <thread>

std::mutex job_mutex;
int jobs = 0;

void runJob(int id) {
  job_mutex.lock();
  ++jobs;
  job_mutex.unlock();
  if (id == 1)
    job_mutex.unlock(); // weft-line: unlock-not-held
}

int main() {
  std::thread t(runJob, 1);
  t.join();
  return 0;
}
