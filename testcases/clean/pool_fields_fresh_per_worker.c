// weft-expect: clean
//
// The look-alike of races/shared_pool_via_owned_struct.c: each worker's `stats` field is given
// its own allocation, and no other value, so what it points to is the worker's own as the
// record is. The counters behind it are bumped with no lock, by one thread each.
#include <assert.h>
#include <pthread.h>
#include <stddef.h>
#include <stdlib.h>

struct stats {
  int alive;
  int started;
};

struct worker {
  struct stats *stats;
  int rounds;
};

static struct worker workers[2];

static void *work(void *arg) {
  struct worker *w = arg;
  w->rounds += 1;
  w->stats->started += 1;
  struct stats *s = w->stats;
  s->alive += 1;
  return NULL;
}

int main(void) {
  pthread_t ids[2];
  for (int i = 0; i < 2; ++i) {
    workers[i].stats = calloc(1, sizeof(struct stats));
    pthread_create(&ids[i], NULL, work, &workers[i]);
  }
  for (int i = 0; i < 2; ++i)
    pthread_join(ids[i], NULL);
  for (int i = 0; i < 2; ++i) {
    assert(workers[i].stats->alive == 1 && workers[i].rounds == 1);
    free(workers[i].stats);
  }
  return 0;
}
