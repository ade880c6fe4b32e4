// weft-expect: data-race pool::alive|the_pool
// weft-expect: data-race pool::started
//
// Each worker is started with its own `struct worker` (its element of an array), but reaches
// the one pool through that element's `pool` field: the worker's own record is private, what
// its `pool` field points to is shared by every worker. Both counters are bumped with no lock,
// once through a local copy of the field and once through the field itself.
#include <assert.h>
#include <pthread.h>
#include <stddef.h>

struct pool {
  int alive;
  int started;
};

struct worker {
  struct pool *pool;
  int rounds;
};

static struct pool the_pool;
static struct worker workers[2];

static void *work(void *arg) {
  struct worker *w = arg;
  w->rounds += 1; // the worker's own record
  w->pool->started += 1;
  struct pool *p = w->pool;
  p->alive += 1;
  return NULL;
}

int main(void) {
  pthread_t ids[2];
  for (int i = 0; i < 2; ++i) {
    workers[i].pool = &the_pool;
    pthread_create(&ids[i], NULL, work, &workers[i]);
  }
  for (int i = 0; i < 2; ++i)
    pthread_join(ids[i], NULL);
  assert(the_pool.alive == 2 && the_pool.started == 2);
  assert(workers[0].rounds == 1 && workers[1].rounds == 1);
  return 0;
}
