// weft-expect: data-race tally::blocks|t->blocks
//
// The launch(fn, arg) wrapper of races/launch_wrapper_race: the argument handed to launch()
// reaches the worker through the start record, so both workers update the same tally, and
// they do it without taking its mutex.
#include <pthread.h>
#include <stdlib.h>

struct capsule {
  void (*probe)(void *);
  void *payload;
};

static void *ignition(void *arg) {
  struct capsule *capsule = arg;
  capsule->probe(capsule->payload);
  free(capsule);
  return NULL;
}

static pthread_t launch(void (*probe)(void *), void *payload) {
  struct capsule *capsule = malloc(sizeof(struct capsule));
  capsule->probe = probe;
  capsule->payload = payload;
  pthread_t id;
  pthread_create(&id, NULL, ignition, capsule);
  return id;
}

struct tally {
  pthread_mutex_t mu;
  long blocks;
};

static void compress(void *arg) {
  struct tally *t = arg;
  t->blocks += 1;
}

int main(void) {
  static struct tally t = {PTHREAD_MUTEX_INITIALIZER, 0};
  pthread_t a = launch(compress, &t);
  pthread_t b = launch(compress, &t);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  return t.blocks == 2 ? 0 : 1;
}
