// weft-expect: clean
//
// The look-alike of races/pool_counter_via_back_pointer.c: the code that made the pool reads
// the counter under the pool's lock, the lock the workers take through their record's `pool`
// field. Each worker's record is filled in through the out-parameter before its worker starts
// (`(*rec)->pool = p` is no race with the worker started before it: another record, fresh).
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct pool {
  pthread_mutex_t lock;
  int alive;
  struct worker **workers;
};

struct worker {
  struct pool *pool;
  pthread_t thread;
};

static void *worker_main(void *arg) {
  struct worker *w = arg;
  struct pool *p = w->pool;
  pthread_mutex_lock(&p->lock);
  p->alive += 1;
  pthread_mutex_unlock(&p->lock);
  return NULL;
}

static void worker_start(struct pool *p, struct worker **rec) {
  *rec = malloc(sizeof(struct worker));
  (*rec)->pool = p;
  pthread_create(&(*rec)->thread, NULL, worker_main, *rec);
}

static struct pool *pool_start(int n) {
  struct pool *p = malloc(sizeof(struct pool));
  pthread_mutex_init(&p->lock, NULL);
  p->alive = 0;
  p->workers = malloc(n * sizeof(struct worker *));
  for (int i = 0; i < n; ++i)
    worker_start(p, &p->workers[i]);
  pthread_mutex_lock(&p->lock);
  printf("%d started so far\n", p->alive);
  pthread_mutex_unlock(&p->lock);
  return p;
}

int main(void) {
  struct pool *p = pool_start(2);
  for (int i = 0; i < 2; ++i) {
    pthread_join(p->workers[i]->thread, NULL);
    free(p->workers[i]);
  }
  int alive = p->alive;
  free(p->workers);
  free(p);
  return alive == 2 ? 0 : 1;
}
