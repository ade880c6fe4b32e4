// weft-expect: data-race Stats::done|done|Stats::bytes|bytes
//
// The look-alike of clean/per_thread_args that is a bug: every worker is started with the same
// element (`&args[0]`), so all of them update one statistics object at once.
#include <pthread.h>

struct Stats {
  long done = 0;
  long bytes = 0;
  void Start() { done = bytes = 0; }
  void Add(long n) {
    ++done;
    bytes += n;
  }
  void Merge(const Stats &other) {
    done += other.done;
    bytes += other.bytes;
  }
};

struct ThreadState {
  int tid = 0;
  Stats stats;
};

struct ThreadArg {
  ThreadState *thread = nullptr;
  long work = 0;
};

static void *Body(void *v) {
  ThreadArg *arg = static_cast<ThreadArg *>(v);
  ThreadState *thread = arg->thread;
  thread->stats.Start();
  for (long i = 0; i < arg->work; ++i)
    thread->stats.Add(i);
  return nullptr;
}

int main() {
  const int n = 3;
  ThreadArg *args = new ThreadArg[n];
  pthread_t threads[n];
  for (int i = 0; i < n; i++) {
    args[i].thread = new ThreadState;
    args[i].thread->tid = i;
    args[i].work = 10 + i;
    pthread_create(&threads[i], nullptr, Body, &args[0]);
  }
  for (int i = 0; i < n; i++)
    pthread_join(threads[i], nullptr);
  for (int i = 1; i < n; i++)
    args[0].thread->stats.Merge(args[i].thread->stats);
  long done = args[0].thread->stats.done;
  for (int i = 0; i < n; i++)
    delete args[i].thread;
  delete[] args;
  return done > 0 ? 0 : 1;
}
