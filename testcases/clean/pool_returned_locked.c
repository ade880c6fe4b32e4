// weft-expect: clean
//
// The look-alike of races/pool_returned_to_caller.c: the caller takes the pool's lock, through
// the pointer `pool_create()` returned, to read the counter the workers bump under it (the
// same lock: `pool` and `pool_create()`'s `p` are one object).
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct pool {
  pthread_mutex_t lock;
  int done;
  pthread_t threads[2];
};

static void *worker(void *arg) {
  struct pool *p = arg;
  pthread_mutex_lock(&p->lock);
  p->done += 1;
  pthread_mutex_unlock(&p->lock);
  return NULL;
}

static struct pool *pool_create(void) {
  struct pool *p = malloc(sizeof(struct pool));
  if (p == NULL)
    return NULL;
  pthread_mutex_init(&p->lock, NULL);
  p->done = 0;
  for (int i = 0; i < 2; ++i)
    pthread_create(&p->threads[i], NULL, worker, p);
  return p;
}

int main(void) {
  struct pool *pool = pool_create();
  if (pool == NULL)
    return 1;
  pthread_mutex_lock(&pool->lock);
  int seen = pool->done;
  pthread_mutex_unlock(&pool->lock);
  printf("%d done so far\n", seen);
  for (int i = 0; i < 2; ++i)
    pthread_join(pool->threads[i], NULL);
  int done = pool->done;
  free(pool);
  return done == 2 ? 0 : 1;
}
