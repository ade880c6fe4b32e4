// weft-expect: data-race total|*Job::sink
//
// The twin of clean/by_value_struct_copies: each thread gets its own copy of the job, but the
// copies' pointer fields point to one counter, and both threads add to it without a lock. The
// copy is private; what its fields point to is not. The lint names the counter by the field that
// reaches it (`*Job::sink`), the run by its symbol.
#include <thread>

long total = 0;

struct Job {
  long size = 0;
  long *sink = nullptr;
};

void Run(Job job) {
  job.size *= 2; // the copy's own field
  *job.sink += job.size;
}

int main() {
  Job job;
  job.size = 4;
  job.sink = &total;
  std::thread worker(Run, job);
  Run(job);
  worker.join();
  return total == 16 ? 0 : 1;
}
