// weft-expect: data-race job::status|status
//
// The look-alike of clean/job_list_handoff that is a bug: a worker takes the job off the queue
// (its own while it works on it), puts it back for the next round, and then, no longer its
// owner, marks it done. The other worker may have taken it by then and be marking it too.
#include <pthread.h>
#include <stdlib.h>

struct job {
  int rounds;
  int status;
  struct job *next;
};

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t more = PTHREAD_COND_INITIALIZER;
static struct job *todo;
static int finished;

static void *worker(void *arg) {
  (void)arg;
  for (;;) {
    pthread_mutex_lock(&mu);
    while (todo == NULL && !finished)
      pthread_cond_wait(&more, &mu);
    if (todo == NULL) {
      pthread_mutex_unlock(&mu);
      return NULL;
    }
    struct job *job = todo;
    todo = job->next;
    pthread_mutex_unlock(&mu);

    job->status = 1; // working: the job is this thread's own
    job->rounds--;

    pthread_mutex_lock(&mu);
    if (job->rounds > 0) {
      job->next = todo;
      todo = job;
    } else {
      finished = 1;
    }
    pthread_cond_broadcast(&more);
    pthread_mutex_unlock(&mu);
    job->status = 2; // too late: put back, the other worker may have it already
  }
}

int main(void) {
  struct job *job = malloc(sizeof(struct job));
  job->rounds = 4;
  job->status = 0;
  job->next = NULL;
  todo = job;
  pthread_t a, b;
  pthread_create(&a, NULL, worker, NULL);
  pthread_create(&b, NULL, worker, NULL);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  int status = job->status;
  free(job);
  return status == 2 ? 0 : 1;
}
