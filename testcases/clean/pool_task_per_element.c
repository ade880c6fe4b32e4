// weft-expect: clean
//
// A C thread pool whose queue holds {function, argument}; main hands each task its own counter
// (`&counts[i]`, i counted by a C89 loop) and the task passes it on by queueing itself again
// once. Each counter has one owner at a time: main until it queues the task, then the task,
// then the task it queued (mbrossard/threadpool's tests/heavy.c).
#include <pthread.h>

#define TASKS 4

struct task {
  void (*fn)(void *);
  void *arg;
};

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t more = PTHREAD_COND_INITIALIZER;
static struct task queue[2 * TASKS];
static int head, tail, pending, stop;
static int counts[TASKS];

static void add(void (*fn)(void *), void *arg) {
  pthread_mutex_lock(&mu);
  queue[tail].fn = fn;
  queue[tail].arg = arg;
  tail = (tail + 1) % (2 * TASKS);
  pending++;
  pthread_cond_signal(&more);
  pthread_mutex_unlock(&mu);
}

static void *worker(void *unused) {
  (void)unused;
  for (;;) {
    struct task t;
    pthread_mutex_lock(&mu);
    while (head == tail && !stop)
      pthread_cond_wait(&more, &mu);
    if (head == tail) {
      pthread_mutex_unlock(&mu);
      return NULL;
    }
    t.fn = queue[head].fn;
    t.arg = queue[head].arg;
    head = (head + 1) % (2 * TASKS);
    pthread_mutex_unlock(&mu);
    t.fn(t.arg);
    pthread_mutex_lock(&mu);
    pending--;
    pthread_cond_broadcast(&more);
    pthread_mutex_unlock(&mu);
  }
}

static void bump(void *arg) {
  int *count = (int *)arg;
  *count += 1;
  if (*count < 2)
    add(bump, arg); // once more, maybe on the other worker
}

int main(void) {
  pthread_t a, b;
  int i;
  pthread_create(&a, NULL, worker, NULL);
  pthread_create(&b, NULL, worker, NULL);
  for (i = 0; i < TASKS; i++) {
    counts[i] = 0;
    add(bump, &counts[i]);
  }
  pthread_mutex_lock(&mu);
  while (pending > 0)
    pthread_cond_wait(&more, &mu);
  stop = 1;
  pthread_cond_broadcast(&more);
  pthread_mutex_unlock(&mu);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  return 0;
}
