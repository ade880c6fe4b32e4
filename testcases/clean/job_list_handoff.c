// weft-expect: clean
//
// Work handed from thread to thread through lock-protected lists (pigz's jobs and spaces). Main
// fills in each job, then queues it; a worker takes it off the queue (`job = todo; todo =
// job->next`), works on it and on a buffer it took from a free list, without the lock, then
// queues it for main; main takes it off that list and reads the result. Each object has one
// user at a time: whoever took it, until it hands it on under the lock.
#include <pthread.h>
#include <stdlib.h>

struct buf {
  int len;
  int data[16];
  struct buf *next;
};

struct job {
  int seq;
  int sum;
  struct buf *out;
  struct job *next;
};

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t more = PTHREAD_COND_INITIALIZER;
static struct job *todo, *done;
static struct buf *free_bufs;

// A buffer from the free list, or a new one.
static struct buf *get_buf(void) {
  pthread_mutex_lock(&mu);
  struct buf *b = free_bufs;
  if (b != NULL) {
    free_bufs = b->next;
    pthread_mutex_unlock(&mu);
    b->len = 0;
    return b;
  }
  pthread_mutex_unlock(&mu);
  b = malloc(sizeof(struct buf));
  b->len = 0;
  return b;
}

static void put_buf(struct buf *b) {
  pthread_mutex_lock(&mu);
  b->next = free_bufs;
  free_bufs = b;
  pthread_mutex_unlock(&mu);
}

static void fill(struct buf *b, int seq) {
  for (int i = 0; i < 16; ++i)
    b->data[b->len++] = seq * i;
}

static void *worker(void *arg) {
  (void)arg;
  for (;;) {
    pthread_mutex_lock(&mu);
    while (todo == NULL)
      pthread_cond_wait(&more, &mu);
    struct job *job = todo;
    if (job->seq < 0) { // the last one: leave it for the other worker
      pthread_mutex_unlock(&mu);
      return NULL;
    }
    todo = job->next;
    pthread_mutex_unlock(&mu);

    job->out = get_buf();
    fill(job->out, job->seq);
    job->sum = 0;
    for (int i = 0; i < job->out->len; ++i)
      job->sum += job->out->data[i];
    put_buf(job->out);
    job->out = NULL;

    pthread_mutex_lock(&mu);
    job->next = done;
    done = job;
    pthread_cond_broadcast(&more);
    pthread_mutex_unlock(&mu);
  }
}

int main(void) {
  pthread_t a, b;
  pthread_create(&a, NULL, worker, NULL);
  pthread_create(&b, NULL, worker, NULL);
  pthread_mutex_lock(&mu);
  for (int seq = -1; seq <= 3; ++seq) { // a stack: the last one (-1) at the bottom
    struct job *job = malloc(sizeof(struct job));
    job->seq = seq;
    job->sum = 0;
    job->out = NULL;
    job->next = todo;
    todo = job;
  }
  pthread_cond_broadcast(&more);
  pthread_mutex_unlock(&mu);
  long total = 0;
  for (int got = 0; got < 4; ++got) {
    pthread_mutex_lock(&mu);
    while (done == NULL)
      pthread_cond_wait(&more, &mu);
    struct job *job = done;
    done = job->next;
    pthread_mutex_unlock(&mu);
    total += job->sum;
    free(job);
  }
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  free(todo);
  while (free_bufs != NULL) {
    struct buf *b = free_bufs;
    free_bufs = b->next;
    free(b);
  }
  return total == 120 * 6 ? 0 : 1;
}
