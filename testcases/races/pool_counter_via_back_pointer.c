// weft-expect: data-race pool::alive
//
// A C thread pool in the shape real ones have: each worker gets a record of its own, allocated
// through an out-parameter (`*rec = malloc(...)`), that points back at the pool, and is started
// through a cast start routine. The workers bump the pool's counter under the pool's lock,
// reaching the pool through their record's `pool` field; the code that made the pool reads the
// counter through its own pointer, without the lock.
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

static void *worker_main(struct worker *w) {
  struct pool *p = w->pool;
  pthread_mutex_lock(&p->lock);
  p->alive += 1;
  pthread_mutex_unlock(&p->lock);
  return NULL;
}

static void worker_start(struct pool *p, struct worker **rec) {
  *rec = malloc(sizeof(struct worker));
  (*rec)->pool = p;
  pthread_create(&(*rec)->thread, NULL, (void *(*)(void *))worker_main, *rec);
}

static struct pool *pool_start(int n) {
  struct pool *p = malloc(sizeof(struct pool));
  pthread_mutex_init(&p->lock, NULL);
  p->alive = 0;
  p->workers = malloc(n * sizeof(struct worker *));
  for (int i = 0; i < n; ++i)
    worker_start(p, &p->workers[i]);
  int seen = p->alive; // no lock: the workers may be bumping it
  printf("%d started so far\n", seen);
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
